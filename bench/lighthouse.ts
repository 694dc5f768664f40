// npm run bench:lighthouse, or node bench/lighthouse.ts [--preset mobile|desktop]: builds the public site
// from the project's register and regulations (the demo), serves it on 127.0.0.1 and runs Lighthouse on
// one page of every type in Debian's Chromium (CHROME_PATH, default /usr/bin/chromium). Prints the four
// scores and the bytes each page loads, and checks what issue 18 asks: accessibility and best
// practices at 100 on every page type. Lighthouse comes from the npm registry through `npm exec`
// (pinned below), so the project's install stays without it.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { renderTable } from '../cli/lib/table.ts';
import { serveStatic } from '../test/site/static-server.ts';

const LIGHTHOUSE = 'lighthouse@13.5.0';
const ROOT = join(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    preset: { type: 'string', default: 'mobile' },
    help: { type: 'boolean', default: false },
  },
});
if (values.help || (values.preset !== 'mobile' && values.preset !== 'desktop')) {
  process.stdout.write('node bench/lighthouse.ts [--preset mobile|desktop]\n');
  process.exit(values.help ? 0 : 2);
}

const out = mkdtempSync(join(tmpdir(), 'klachten-lighthouse-site-'));
const reports = mkdtempSync(join(tmpdir(), 'klachten-lighthouse-'));
process.stderr.write(`bench: de site bouwen in ${out} …\n`);
const built = spawnSync(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
  cwd: ROOT,
  encoding: 'utf8',
  env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', KLACHTEN_SITE_OUT: out },
  maxBuffer: 1 << 28,
});
if (built.status !== 0) throw new Error(`astro build failed:\n${built.stdout}${built.stderr}`);

/** The first built page whose path matches `pattern`, as a URL path. */
function firstPage(pattern: RegExp): string {
  const found = readdirSync(out, { recursive: true })
    .map(String)
    .filter((file) => pattern.test(file))
    .sort()[0];
  if (found === undefined) throw new Error(`geen pagina gevonden voor ${String(pattern)}`);
  return `/${found.replace(/index\.html$/, '')}`;
}

const PAGES: [string, string][] = [
  ['home', '/'],
  ['regulation', firstPage(/^[a-z0-9-]+\/index\.html$/)],
  ['version', firstPage(/^[a-z0-9-]+\/versies\/[\d-]+\/index\.html$/)],
  ['search', '/zoeken/'],
  ['evaluations', '/evaluaties/'],
  ['evaluation', firstPage(/^[a-z0-9-]+\/evaluaties\/\d{4}\/index\.html$/)],
  ['open data', '/open-data/'],
  ['accessibility', '/toegankelijkheid/'],
  ['not found', '/404.html'],
];

/** Runs a command without blocking this process, whose server Lighthouse is talking to. */
function run(
  command: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (text: string) => {
      stderr = (stderr + text).slice(-4000);
    });
    child.on('error', reject);
    child.on('close', (status) => {
      resolve({ status, stderr });
    });
  });
}

interface Report {
  categories: Record<string, { score: number | null }>;
  audits: Record<string, { numericValue?: number; score?: number | null; title?: string }>;
}

const site = await serveStatic(out);
const rows: string[][] = [];
const misses: string[] = [];
try {
  for (const [type, path] of PAGES) {
    process.stderr.write(`bench: Lighthouse (${values.preset}) op ${path} …\n`);
    const file = join(reports, `${type.replace(/\W+/g, '-')}.json`);
    const result = await run(
      'npm',
      [
        'exec',
        '--yes',
        `--package=${LIGHTHOUSE}`,
        '--',
        'lighthouse',
        `${site.url}${path}`,
        '--quiet',
        '--output=json',
        `--output-path=${file}`,
        '--only-categories=performance,accessibility,best-practices,seo',
        '--chrome-flags=--headless=new --no-sandbox --disable-gpu',
        ...(values.preset === 'desktop' ? ['--preset=desktop'] : []),
      ],
      { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium' },
    );
    if (result.status !== 0) throw new Error(`lighthouse ${path} failed:\n${result.stderr.slice(-2000)}`);
    const report = JSON.parse(readFileSync(file, 'utf8')) as Report;
    const score = (category: string): string => {
      const value = report.categories[category]?.score;
      return value === null || value === undefined ? '-' : String(Math.round(value * 100));
    };
    const bytes = report.audits['total-byte-weight']?.numericValue ?? NaN;
    rows.push([
      type,
      path,
      score('performance'),
      score('accessibility'),
      score('best-practices'),
      score('seo'),
      (bytes / 1024).toFixed(1),
    ]);
    for (const category of ['accessibility', 'best-practices']) {
      if (score(category) !== '100') {
        const failed = Object.values(report.audits)
          .filter((audit) => audit.score === 0)
          .map((audit) => audit.title)
          .join('; ');
        misses.push(`${type} (${path}): ${category} ${score(category)}${failed ? ` — ${failed}` : ''}`);
      }
    }
  }
} finally {
  await site.close();
  rmSync(out, { recursive: true, force: true });
  rmSync(reports, { recursive: true, force: true });
}

process.stdout.write(
  `${renderTable(['page type', 'path', 'perf', 'a11y', 'best pr.', 'seo', 'KiB loaded'], rows)}\n\n` +
    (misses.length === 0
      ? 'OK   accessibility and best practices at 100 on every page type\n'
      : `MISS ${misses.join('\nMISS ')}\n`) +
    `Lighthouse ${LIGHTHOUSE.split('@')[1] ?? ''}, ${values.preset}, Chromium at ${process.env.CHROME_PATH ?? '/usr/bin/chromium'}\n`,
);
if (misses.length > 0) process.exitCode = 1;
