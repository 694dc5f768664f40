// npm run bench [-- --sizes 10000,100000]: times `klachten check`, `status`, `evaluate` and `retention` on synthetic
// registers, side by side with the floor (reading the same files and parsing their front matter with
// js-yaml alone), and reports peak memory. Each figure is the best of --runs runs.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { renderTable } from '../cli/lib/table.ts';
import { generateRegister } from './generate.ts';

const ROOT = join(import.meta.dirname, '..');
const TODAY = '2026-11-21';
const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10000,100000' },
    runs: { type: 'string', default: '3' },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  process.stdout.write('npm run bench [-- --sizes 10000,100000] [--runs 3]\n');
  process.exit(0);
}
const sizes = values.sizes.split(',').map(Number);
const runs = Number(values.runs);

interface Measure {
  seconds: number;
  peakMiB: number;
}

function measure(args: string[]): Measure {
  let best: Measure | undefined;
  for (let run = 0; run < runs; run += 1) {
    const rssFile = join(tmpdir(), `klachten-bench-rss-${process.pid}`);
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, ['--import', join(ROOT, 'bench/rss-reporter.ts'), ...args], {
      cwd: ROOT,
      env: { ...process.env, BENCH_RSS_FILE: rssFile },
      stdio: ['ignore', 'ignore', 'pipe'],
      encoding: 'utf8',
      maxBuffer: 1 << 30,
    });
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    if (result.status !== 0)
      throw new Error(`${args.join(' ')} failed (${String(result.status)}): ${result.stderr.slice(0, 2000)}`);
    const peakMiB = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) / 1024 / 1024 : NaN;
    rmSync(rssFile, { force: true });
    if (!best || seconds < best.seconds) best = { seconds, peakMiB };
  }
  return best!;
}

const rows: string[][] = [];
const verdicts: string[] = [];
for (const size of sizes) {
  const dir = mkdtempSync(join(tmpdir(), `klachten-bench-${size}-`));
  process.stderr.write(`bench: ${size} synthetische klachten schrijven naar ${dir} …\n`);
  const start = process.hrtime.bigint();
  generateRegister(dir, size, TODAY);
  process.stderr.write(
    `bench: geschreven in ${(Number(process.hrtime.bigint() - start) / 1e9).toFixed(1)} s; meten (${runs}× per taak) …\n`,
  );
  const cli = [join(ROOT, 'cli/klachten.ts')];
  const common = ['--register', dir, '--regulations', join(ROOT, 'regulations'), '--today', TODAY];
  const floor = measure([join(ROOT, 'bench/floor.ts'), join(dir, 'complaints')]);
  const tasks: [string, Measure][] = [
    ['floor (js-yaml)', floor],
    ['check', measure([...cli, 'check', ...common])],
    ['status --json', measure([...cli, 'status', '--json', ...common])],
    ['evaluate --json', measure([...cli, 'evaluate', '--year', '2025', '--json', ...common])],
    // The monthly retention run lists on one thread (it never writes here: no --apply).
    ['retention --json', measure([...cli, 'retention', '--json', ...common])],
  ];
  for (const [task, m] of tasks) {
    const ratio = m.seconds / floor.seconds;
    rows.push([
      String(size),
      task,
      m.seconds.toFixed(2),
      task.startsWith('floor') ? '1.00' : ratio.toFixed(2),
      m.peakMiB.toFixed(0),
    ]);
    if (size >= 100_000 && task.startsWith('evaluate')) {
      // Issue 5: the yearly evaluation of 100k complaints within 5 s.
      const ok = m.seconds <= 5 && m.peakMiB <= 1024;
      verdicts.push(
        `${ok ? 'OK  ' : 'MISS'} ${task} @ ${size}: ${m.seconds.toFixed(2)} s (≤ 5), ${ratio.toFixed(2)}× floor, ${m.peakMiB.toFixed(0)} MiB (≤ 1024)`,
      );
    } else if (size >= 100_000 && task.startsWith('retention')) {
      // Issue 6: a monthly job; within 10 s and 1 GiB, no ratio target.
      const ok = m.seconds <= 10 && m.peakMiB <= 1024;
      verdicts.push(
        `${ok ? 'OK  ' : 'MISS'} ${task} @ ${size}: ${m.seconds.toFixed(2)} s (≤ 10), ${ratio.toFixed(2)}× floor, ${m.peakMiB.toFixed(0)} MiB (≤ 1024)`,
      );
    } else if (size >= 100_000 && !task.startsWith('floor')) {
      const ok = m.seconds <= 10 && ratio <= 2 && m.peakMiB <= 1024;
      verdicts.push(
        `${ok ? 'OK  ' : 'MISS'} ${task} @ ${size}: ${m.seconds.toFixed(2)} s (≤ 10), ${ratio.toFixed(2)}× floor (≤ 2), ${m.peakMiB.toFixed(0)} MiB (≤ 1024)`,
      );
    }
  }
  rmSync(dir, { recursive: true, force: true });
}

const header = ['complaints', 'task', 'seconds', '× floor', 'peak MiB'];
process.stdout.write(`${renderTable(header, rows, { rightAlignFrom: 2 })}\n\n`);
if (verdicts.length > 0) process.stdout.write(`Targets on 100k complaints:\n${verdicts.join('\n')}\n`);
process.stdout.write(`node ${process.version}, ${String(runs)} runs per task, best shown\n`);
