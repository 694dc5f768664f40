// npm run build:cli, or node tools/build-cli.ts [--out <folder>]: compiles the `klachten` command into
// plain JavaScript in build/ (ignored by git; `npm pack` runs it first).
//
// Why: Node strips TypeScript only outside node_modules, so an installed package must ship JavaScript;
// and one bundle starts faster than the sources. The bundle holds the CLI, the core, the Node adapters
// and their dependencies (zod, js-yaml, yaml, Octokit), so Node reads a few files instead of a few
// hundred and esbuild leaves out what no command uses (zod's locales, its JSON Schema code). Each
// command stays its own chunk, loaded when it runs (Octokit only by `sync`).
//
// Layout: build/cli/klachten.js (the bin), build/node/scan-worker.js (the worker of a large register,
// found by node/scan-worker-client.ts next to its chunk), build/chunks/*.js, and build/astro.js, the
// site's Astro integration (site/integration.ts), which finds the package's site/ beside build/.
import { rmSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Compiles the CLI into `out`; returns the files written, relative to `out`. */
export async function buildCli(out: string = join(ROOT, 'build')): Promise<string[]> {
  rmSync(out, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: ['cli/klachten.ts', 'node/scan-worker.ts'],
    outdir: out,
    outbase: '.',
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node22.18',
    // Octokit too: the command needs no package of its own at run time (`npm ci --omit=dev` in a
    // register's pull-request check installs the package and nothing else).
    // yaml and js-yaml ship CommonJS that requires Node's modules; in an ES module bundle that needs a
    // real `require`.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);",
    },
    legalComments: 'linked',
    metafile: true,
    logLevel: 'warning',
  });
  // The Astro integration (`klachtenregister/astro`), loaded by Node from an organisation's astro.config:
  // its own packages (astro, the Markdown integrations, pagefind, zod) are the organisation's.
  const integration = await build({
    absWorkingDir: ROOT,
    entryPoints: { astro: 'site/integration.ts' },
    outdir: out,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node22.18',
    packages: 'external',
    metafile: true,
    logLevel: 'warning',
  });
  return [...Object.keys(result.metafile.outputs), ...Object.keys(integration.metafile.outputs)].map((file) =>
    relative(out, resolve(ROOT, file)),
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: { out: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    process.stdout.write('node tools/build-cli.ts [--out <map>]: bouwt de opdracht klachten als JavaScript in build/\n');
  } else {
    const out = resolve(values.out ?? join(ROOT, 'build'));
    const files = await buildCli(out);
    process.stderr.write(`build-cli: ${String(files.filter((f) => f.endsWith('.js')).length)} bestanden in ${out}\n`);
  }
}
