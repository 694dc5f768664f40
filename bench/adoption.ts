// node bench/adoption.ts [--count 1000]: what adopting the package costs. Packs the package, makes a
// register with `klachten init` (the five demo presets as one umbrella) holding `count` synthetic
// complaints, and times, in a new folder each time:
//   - the pull-request check's path: `npm install --omit=dev` (the package alone) then `npx klachten check`;
//   - the site's path: a full `npm install` (Node 24 and Astro's packages too) then `npx klachten check`;
// each with an empty npm cache (cold: everything from the registry) and with the cache filled (warm).
// It prints the tarball's size, the installed size of each path and the seconds.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { renderTable } from '../cli/lib/table.ts';
import { generateRegister } from './generate.ts';

const ROOT = join(import.meta.dirname, '..');
const { values } = parseArgs({
  options: { count: { type: 'string', default: '1000' }, help: { type: 'boolean', default: false } },
});
if (values.help) {
  process.stdout.write('node bench/adoption.ts [--count 1000]\n');
  process.exit(0);
}
const count = Number(values.count);
const work = mkdtempSync(join(tmpdir(), 'klachten-bench-adoption-'));

function run(command: string, args: readonly string[], cwd: string, env: Record<string, string> = {}): number {
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} (${cwd}): ${result.stdout}${result.stderr}`);
  return Number(process.hrtime.bigint() - start) / 1e9;
}

function sizeOf(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((sum, name) => sum + sizeOf(join(path, name)), 0);
}

function mib(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}

try {
  process.stderr.write(`bench: npm pack in ${work} …\n`);
  const packed = spawnSync('npm', ['pack', '--pack-destination', work, '--json', '--loglevel=error'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  const tarball = join(work, (JSON.parse(packed.stdout) as { filename: string }[])[0]?.filename ?? '');
  // `npx klachtenregister init`: the package installed on its own.
  const tool = join(work, 'tool');
  mkdirSync(tool);
  run('npm', ['install', tarball, '--no-audit', '--no-fund', '--loglevel=error'], tool);
  const klachten = join(tool, 'node_modules', 'klachtenregister', 'build', 'cli', 'klachten.js');

  // The register: one umbrella with the five demo presets, in force from before the synthetic
  // complaints (received from March 2024), and `count` of them.
  const EFFECTIVE = '2024-01-01';
  const template = join(work, 'template');
  const presets = ['pit', 're-integratiedienst', 'coulant', 'mvz', 'organize4all'];
  run(
    process.execPath,
    [
      klachten,
      'init',
      template,
      '--name',
      'Koepel Voorbeeld',
      '--slug',
      presets[0] ?? 'pit',
      '--preset',
      presets[0] ?? 'pit',
      '--yes',
      '--today',
      EFFECTIVE,
    ],
    work,
  );
  for (const slug of presets.slice(1))
    run(
      process.execPath,
      [
        klachten,
        'init',
        template,
        '--add',
        '--name',
        `Voorbeeld ${slug}`,
        '--slug',
        slug,
        '--preset',
        slug,
        '--yes',
        '--today',
        EFFECTIVE,
      ],
      work,
    );
  generateRegister(join(template, 'register'), count, '2026-11-21');
  process.stderr.write(`bench: register met ${String(count)} klachten in ${template}\n`);

  const rows: string[][] = [];
  for (const [path, flags] of [
    ['check (--omit=dev)', ['--omit=dev']],
    ['site (full)', []],
  ] as const) {
    for (const cache of ['cold', 'warm'] as const) {
      const dir = join(work, `${path.split(' ')[0] ?? 'x'}-${cache}`);
      cpSync(template, dir, { recursive: true });
      const cacheDir = join(work, `cache-${path.split(' ')[0] ?? 'x'}`);
      if (cache === 'cold') rmSync(cacheDir, { recursive: true, force: true });
      process.stderr.write(`bench: ${path}, ${cache} …\n`);
      const install = run(
        'npm',
        ['install', tarball, ...flags, '--no-audit', '--no-fund', '--loglevel=error', '--cache', cacheDir],
        dir,
      );
      const check = run('npx', ['--no-install', 'klachten', 'check', '--today', '2026-11-21'], dir);
      rows.push([path, cache, install.toFixed(1), check.toFixed(2), mib(sizeOf(join(dir, 'node_modules')))]);
    }
  }
  process.stdout.write(`tarball: ${mib(statSync(tarball).size)} MiB (${tarball.split('/').pop() ?? ''})\n`);
  process.stdout.write(
    `${renderTable(['path', 'npm cache', 'npm install s', `klachten check s (${String(count)})`, 'node_modules MiB'], rows, { rightAlignFrom: 2 })}\n`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
