import { createReadStream, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
};

/** A site served from a folder on a free local port, as a static host would: index.html, 404.html. */
export interface StaticSite {
  url: string;
  /** Every path requested, in order. */
  requests: string[];
  close(): Promise<void>;
}

function fileFor(root: string, pathname: string): string | undefined {
  const path = normalize(join(root, decodeURIComponent(pathname)));
  if (path !== root && !path.startsWith(root + sep)) return undefined;
  const stat = statSync(path, { throwIfNoEntry: false });
  if (stat?.isFile()) return path;
  if (stat?.isDirectory()) {
    const index = join(path, 'index.html');
    return statSync(index, { throwIfNoEntry: false })?.isFile() ? index : undefined;
  }
  return undefined;
}

/** Serves `root` on 127.0.0.1. */
export async function serveStatic(root: string): Promise<StaticSite> {
  const requests: string[] = [];
  const server: Server = createServer((request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    requests.push(pathname);
    const file = fileFor(root, pathname);
    const status = file === undefined ? 404 : 200;
    const path = file ?? join(root, '404.html');
    response.writeHead(status, { 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream' });
    createReadStream(path).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${String(port)}`,
    requests,
    close: () =>
      new Promise((resolve, reject) =>
        server.close((error) => {
          if (error) reject(error);
          else resolve();
        }),
      ),
  };
}
