// npm run bench (second part), or node bench/site.ts [--runs 3]: times the public site build with the
// project's five regulations and with 500 generated regulation versions, side by side with a plain
// Astro build of the same Markdown (bench/plain-site: glob loader, one bare page per file, no project
// components, no Pagefind). Prints pages per second and the ratio. Each figure is the best of --runs
// cold runs (fresh output and cache folders).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { renderTable } from '../cli/lib/table.ts';

const ROOT = join(import.meta.dirname, '..');
const ASTRO = join(ROOT, 'node_modules/astro/bin/astro.mjs');
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    versions: { type: 'string', default: '500' },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  process.stdout.write('node bench/site.ts [--runs 3] [--versions 500]\n');
  process.exit(0);
}
const runs = Number(values.runs);
const versionCount = Number(values.versions);

/**
 * Writes `count` regulation versions: the project's five regulations as templates, each organisation
 * with five versions a year apart, under made-up names and slugs.
 */
function generateRegulations(dir: string, count: number): void {
  const templates = readdirSync(join(ROOT, 'regulations'), { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => readFileSync(join(ROOT, 'regulations', f), 'utf8'));
  const perOrganisation = 5;
  for (let i = 0; i < count; i += 1) {
    const org = Math.floor(i / perOrganisation);
    const v = i % perOrganisation;
    const template = templates[org % templates.length] ?? '';
    const oldSlug = /^ {2}slug: (.+)$/m.exec(template)?.[1] ?? '';
    const slug = `bench-${String(org).padStart(4, '0')}`;
    const effective = `${String(2020 + v)}-01-01`;
    const text = template
      .replace(/^ {2}name: .+$/m, `  name: Benchorganisatie ${String(org)}`)
      .replace(`  slug: ${oldSlug}`, `  slug: ${slug}`)
      .replace(/^version: .+$/m, `version: '${String(v + 1)}'`)
      .replace(/^effective: .+$/m, `effective: ${effective}`)
      .replace(/^effectiveNote: .+\n/m, '')
      .replace(/^---\n/, v === 0 ? '---\n' : `---\nchanges: Versie ${String(v + 1)} van de benchmark.\n`);
    mkdirSync(join(dir, slug), { recursive: true });
    writeFileSync(join(dir, slug, `${effective}.md`), text);
  }
}

interface Run {
  seconds: number;
  pages: number;
}

function countPages(dir: string): number {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.html') && !f.startsWith('pagefind')).length;
}

function build(root: string, regulations: string): Run {
  let best: Run | undefined;
  for (let run = 0; run < runs; run += 1) {
    const out = mkdtempSync(join(tmpdir(), 'klachten-bench-site-'));
    const cache = mkdtempSync(join(tmpdir(), 'klachten-bench-cache-'));
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, [ASTRO, 'build', '--root', root], {
      cwd: root,
      encoding: 'utf8',
      env: {
        ...process.env,
        ASTRO_TELEMETRY_DISABLED: '1',
        KLACHTEN_REGULATIONS: regulations,
        // The regulation pages are measured; the sample register's evaluations belong to the five real organisations.
        KLACHTEN_REGISTER: join(ROOT, 'bench/.work/geen-register'),
        KLACHTEN_SITE_OUT: out,
        KLACHTEN_SITE_CACHE: cache,
        KLACHTEN_TODAY: '2026-11-21',
      },
      maxBuffer: 1 << 28,
    });
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    if (result.status !== 0) throw new Error(`astro build in ${root} failed:\n${result.stdout}${result.stderr}`);
    const pages = countPages(out);
    rmSync(out, { recursive: true, force: true });
    rmSync(cache, { recursive: true, force: true });
    if (!best || seconds < best.seconds) best = { seconds, pages };
  }
  return best!;
}

const work = mkdtempSync(join(tmpdir(), 'klachten-bench-regs-'));
const generated = join(work, 'regulations');
generateRegulations(generated, versionCount);
const sets: [string, string][] = [
  ['5 reglementen', join(ROOT, 'regulations')],
  [`${String(versionCount)} versies`, generated],
];
const rows: string[][] = [];
for (const [label, dir] of sets) {
  process.stderr.write(`bench: site bouwen met ${label} (${String(runs)}× per bouw) …\n`);
  // The project's config takes the folder relative to its root; the plain site takes it as given.
  const project = build(ROOT, dir);
  const plain = build(join(ROOT, 'bench/plain-site'), dir);
  for (const [name, run] of [
    ['plain Astro', plain],
    ['klachtenregister', project],
  ] as const) {
    rows.push([
      label,
      name,
      String(run.pages),
      run.seconds.toFixed(2),
      (run.pages / run.seconds).toFixed(0),
      name === 'plain Astro' ? '1.00' : (run.seconds / plain.seconds).toFixed(2),
    ]);
  }
}
rmSync(work, { recursive: true, force: true });

const header = ['input', 'build', 'pages', 'seconds', 'pages/s', '× plain'];
process.stdout.write(`${renderTable(header, rows, { rightAlignFrom: 2 })}\n`);
process.stdout.write(
  `klachtenregister: per version a page, per organisation a page and a JSON file, plus Pagefind; plain: one page per file.\n` +
    `node ${process.version}, ${String(runs)} cold runs per build, best shown\n`,
);
