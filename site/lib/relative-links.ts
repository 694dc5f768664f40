import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';

/**
 * A site path as a relative link from the page at `from` (a path like `/mvz/evaluaties/2025/`), for a
 * browser that opens the files themselves (`file://`): there, `/` is the root of the disk and a folder
 * does not open its index.html. `/evaluaties/` from `/mvz/` becomes `../evaluaties/index.html`; an
 * anchor, a query and a link elsewhere stay as they are.
 * @example relativeLink('/_astro/a.css', '/mvz/evaluaties/2025/') // '../../../_astro/a.css'
 */
export function relativeLink(target: string, from: string): string {
  if (!target.startsWith('/') || target.startsWith('//')) return target;
  const [, path = '/', suffix = ''] = /^([^?#]*)(.*)$/.exec(target) ?? [];
  const file = path.endsWith('/') ? `${path}index.html` : path;
  const fromDir = from.endsWith('/') ? from : posix.dirname(from);
  const link = posix.relative(fromDir, file);
  return `${link === '' ? 'index.html' : link}${suffix}`;
}

/** Attributes and meta refreshes whose site paths {@link relativeLinks} rewrites. */
const LINK = /(\s(?:href|src|action|poster)=")(\/[^"]*)(")|(http-equiv="refresh" content="\d+;\s*url=)(\/[^"]*)(")/g;
const CSS_URL = /url\((["']?)(\/[^)"']*)\1\)/g;

/** The HTML of a page at `from` with every site path relative. */
export function relativeHtml(html: string, from: string): string {
  return html.replace(LINK, (match, pre?: string, path?: string, post?: string, mpre?: string, mpath?: string, mpost?: string) =>
    pre !== undefined && path !== undefined
      ? `${pre}${relativeLink(path, from)}${post ?? ''}`
      : mpre !== undefined && mpath !== undefined
        ? `${mpre}${relativeLink(mpath, from)}${mpost ?? ''}`
        : match,
  );
}

/**
 * Rewrites a built site in `dir` so that it opens from its files, unzipped anywhere, with a double
 * click: every site path in the HTML and CSS becomes relative, folders end in index.html. Returns the
 * number of files rewritten.
 */
export function makeLinksRelative(dir: string): number {
  let rewritten = 0;
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        walk(path);
        continue;
      }
      const site = `/${relative(dir, path).split(sep).join('/')}`;
      if (entry.name.endsWith('.html')) {
        const html = readFileSync(path, 'utf8');
        const page = entry.name === 'index.html' ? `${posix.dirname(site)}/`.replace(/^\/\/$/, '/') : site;
        const out = relativeHtml(html, page);
        if (out !== html) {
          writeFileSync(path, out);
          rewritten += 1;
        }
      } else if (entry.name.endsWith('.css')) {
        const css = readFileSync(path, 'utf8');
        const out = css.replace(
          CSS_URL,
          (_, quote: string, target: string) => `url(${quote}${relativeLink(target, site)}${quote})`,
        );
        if (out !== css) {
          writeFileSync(path, out);
          rewritten += 1;
        }
      }
    }
  };
  walk(dir);
  return rewritten;
}
