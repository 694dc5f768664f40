import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateRegister } from '../../bench/generate.ts';
import { loadRegister } from '../../node/load-register.ts';
import { buildCli } from '../../tools/build-cli.ts';
import { SAMPLE_REGULATIONS } from '../builders.ts';
import { klachten } from './run-cli.ts';

// Large enough that check and status split the files over two threads.
describe('a register of 4,500 complaints (checked on two threads)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'klachten-large-'));
  generateRegister(dir, 4500, '2026-11-21');
  // A broken file sorts last (second thread); a duplicate of an id in the first half, too.
  writeFileSync(join(dir, 'complaints', '2026', 'KL-2026-999998.md'), '---\nid: KL-2026-999998\nreceived: [\n---\n');
  writeFileSync(
    join(dir, 'complaints', '2026', 'KL-2026-999999.md'),
    '---\nid: KL-2024-000001\norganisation: pit\nreceived: 2024-03-05\nchannel: email\nform: written\n---\nDubbel.\n',
  );
  const args = ['--register', dir, '--regulations', SAMPLE_REGULATIONS, '--today', '2026-11-21'];

  it('check finds problems in either half, and duplicates across the halves', () => {
    const result = klachten(['check', '--format', 'json', ...args]);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { files: number; diagnostics: { file: string; code: string; line: number }[] };
    expect(report.files).toBe(4502);
    expect(report.diagnostics.map((d) => `${d.file.split('/').slice(-2).join('/')} ${d.code} ${d.line}`)).toEqual([
      '2024/KL-2024-000001.md duplicate-id 2',
      '2026/KL-2026-999998.md yaml 4',
      '2026/KL-2026-999999.md file-name 2',
      '2026/KL-2026-999999.md duplicate-id 2',
    ]);
  });

  it('status lists every valid complaint once, streamed in file-name order (the id, where check finds no file-name error)', () => {
    const result = klachten(['status', '--json', ...args]);
    expect(result.code).toBe(1);
    const complaints = (JSON.parse(result.stdout) as { complaints: { id: string; file: string }[] }).complaints;
    expect(complaints).toHaveLength(4501);
    const names = complaints.map((c) => c.file.split('/').pop() ?? '');
    expect([...names].sort()).toEqual(names);
    // The one misnamed file stands where its name puts it: last.
    expect(complaints.at(-1)?.id).toBe('KL-2024-000001');
    expect(complaints.at(-1)?.file).toMatch(/KL-2026-999999\.md$/);
    expect(complaints.filter((c) => c.id === c.file.split('/').pop()?.replace('.md', ''))).toHaveLength(4500);
  });
});

// Fewer files than a second thread pays for (or a machine with one core): the same blocks in turn.
describe('a register read on one thread', () => {
  it('hands the statuses over a block at a time, before the last files are read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'klachten-blokken-'));
    generateRegister(dir, 600, '2026-11-21');
    const year = join(dir, 'complaints', '2026');
    const lastName = readdirSync(year).sort().at(-1) ?? '';
    let batches = 0;
    const loaded = await loadRegister({
      root: dir,
      register: dir,
      regulations: SAMPLE_REGULATIONS,
      today: '2026-11-21',
      withStatus: true,
      onStatusJson: () => {
        // Once the first statuses are handed over, the file read last breaks: it has not been read yet.
        if (batches++ === 0) writeFileSync(join(year, lastName), '---\nid: [\n---\n');
      },
    });
    expect(loaded.fileCount).toBe(600);
    expect(loaded.invalid.complaints).toEqual([join('complaints', '2026', lastName)]);
    expect(batches).toBeGreaterThan(2);
  });
});

// What an installed package runs: the CLI compiled into one bundle, with the worker in its own file.
describe('the compiled CLI on a register of 4,500 complaints', () => {
  const dir = mkdtempSync(join(tmpdir(), 'klachten-large-'));
  generateRegister(dir, 4500, '2026-11-21');
  writeFileSync(join(dir, 'complaints', '2026', 'KL-2026-999998.md'), '---\nid: KL-2026-999998\nreceived: [\n---\n');
  const args = ['--register', dir, '--regulations', SAMPLE_REGULATIONS, '--today', '2026-11-21'];
  const build = mkdtempSync(join(tmpdir(), 'klachten-build-'));
  let entry = '';
  beforeAll(async () => {
    const files = await buildCli(build);
    expect(files).toContain(join('node', 'scan-worker.js'));
    entry = join(build, 'cli', 'klachten.js');
  });

  it('stops quietly when its reader does (klachten status --json | head)', async () => {
    const child = spawn(process.execPath, [entry, 'status', '--json', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise((resolve) => child.once('close', resolve));
    expect(stderr).not.toMatch(/EPIPE|Error/);
    // What was not read was not wanted: no error of the command (check says whether files are broken).
    expect(code).toBe(0);
  });

  it('gives what the sources give, its worker thread included', () => {
    for (const command of [
      ['status', '--json'],
      ['check', '--format', 'json'],
    ]) {
      const compiled = klachten([...command, ...args], { entry });
      const source = klachten([...command, ...args]);
      expect(compiled.code).toBe(1);
      // A worker that does not start or stops says so (KLACHTEN_WORKER) and the main thread reads on.
      expect(compiled.stderr).not.toMatch(/KLACHTEN_WORKER|Error/);
      expect(compiled.stdout).toBe(source.stdout);
    }
  });
});

// A folder whose size says "many files" (on Linux it grows with its entries, and on ext4 it never shrinks)
// while few are complaints: the worker that starts before the listing stops again unused.
describe('a register that looks large before it is listed', () => {
  const dir = mkdtempSync(join(tmpdir(), 'klachten-looks-large-'));
  generateRegister(dir, 20, '2026-11-21');
  const year = join(dir, 'complaints', '2026');
  mkdirSync(year, { recursive: true });
  for (let index = 0; index < 5000; index += 1) writeFileSync(join(year, `bijlage-${String(index).padStart(5, '0')}.txt`), '');
  const args = ['--register', dir, '--regulations', SAMPLE_REGULATIONS, '--today', '2026-11-21'];

  it('reads the few complaints on one thread, as a small register, and stops', () => {
    const result = klachten(['status', '--json', ...args]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as { complaints: unknown[] }).complaints).toHaveLength(20);
    const checked = klachten(['check', ...args]);
    expect(checked.code).toBe(0);
    expect(checked.stdout + checked.stderr).toMatch(/^20 klachtdossiers gecontroleerd: 0 fouten/m);
  });
});
