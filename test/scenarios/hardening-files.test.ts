// Issue 14, "nothing is silently lost": the files a command reads and writes, on scratch registers.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockPathOf, replaceFile } from '../../node/write-file.ts';
import { klachten, klachtenAsync, scratchProject, type CliResult } from './run-cli.ts';

const TODAY = ['--today', '2026-11-21'];
const OPEN = 'register/complaints/2026/KL-2026-0006.md';
const CLOSED = 'register/complaints/2026/KL-2026-0005.md';

/** No stack trace, no Node error name: what a user sees is one Dutch sentence. */
function expectNoCrash(result: CliResult): void {
  expect(result.stderr).not.toMatch(/\n\s+at |Error:|EEXIST|ENOENT|EACCES|EISDIR/);
}

describe('replaceFile (node/write-file.ts)', () => {
  it('replaces a file through a temporary file and leaves nothing beside it', () => {
    const dir = scratchProject();
    const path = join(dir, OPEN);
    const before = readFileSync(path);
    expect(replaceFile(path, 'nieuw\n', before)).toBe('written');
    expect(readFileSync(path, 'utf8')).toBe('nieuw\n');
    expect(readdirSync(join(dir, 'register/complaints/2026')).filter((name) => name.startsWith('.'))).toEqual([]);
  });

  it('refuses when the file no longer holds the bytes that were read, and changes nothing', () => {
    const dir = scratchProject();
    const path = join(dir, OPEN);
    const read = readFileSync(path);
    writeFileSync(path, `${read.toString('utf8')}door een ander\n`);
    expect(replaceFile(path, 'kwijt\n', read)).toBe('changed');
    expect(readFileSync(path, 'utf8')).toBe(`${read.toString('utf8')}door een ander\n`);
    expect(readdirSync(join(dir, 'register/complaints/2026')).filter((name) => name.startsWith('.'))).toEqual([]);
  });

  it('refuses while another writer holds the lock', () => {
    const dir = scratchProject();
    const path = join(dir, OPEN);
    const read = readFileSync(path);
    writeFileSync(lockPathOf(path), '');
    expect(replaceFile(path, 'kwijt\n', read)).toBe('busy');
    expect(readFileSync(path)).toEqual(read);
    expect(existsSync(lockPathOf(path))).toBe(true);
  });
});

describe('klachten record: concurrent runs, line endings, notes and flow maps', () => {
  it('never loses a step when two runs edit one file at the same time', async () => {
    for (let round = 0; round < 6; round++) {
      const dir = scratchProject();
      const [first, second] = await Promise.all([
        klachtenAsync(['record', 'KL-2026-0006', 'ontvangstbevestiging', '--on', '2026-11-12', ...TODAY], { cwd: dir }),
        klachtenAsync(['record', 'KL-2026-0006', 'voortgangsbericht', '--on', '2026-11-13', ...TODAY], { cwd: dir }),
      ]);
      const text = readFileSync(join(dir, OPEN), 'utf8');
      for (const [result, line] of [
        [first, 'ontvangstbevestiging: 2026-11-12'],
        [second, 'voortgangsbericht: 2026-11-13'],
      ] as const) {
        expectNoCrash(result);
        if (result.code === 0) expect(text, `round ${round}: ${line}`).toContain(line);
        else expect(result.stderr).toContain('is ongewijzigd');
      }
      expect(first.code === 0 || second.code === 0).toBe(true);
    }
  }, 60_000);

  it('keeps Windows line endings on the line it adds', () => {
    const dir = scratchProject();
    const path = join(dir, CLOSED);
    const crlf = readFileSync(path, 'utf8').replace('  voortgangsbericht: 2026-02-20\n', '').replace(/\n/g, '\r\n');
    writeFileSync(path, crlf);
    const result = klachten(['record', 'KL-2026-0005', 'voortgangsbericht', '--on', '2026-02-20', ...TODAY], { cwd: dir });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const after = readFileSync(path, 'utf8');
    expect(after).toBe(
      crlf.replace(
        '  schriftelijke-reactie: 2026-03-10\r\n',
        '  schriftelijke-reactie: 2026-03-10\r\n  voortgangsbericht: 2026-02-20\r\n',
      ),
    );
    expect(after.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('says so when re-recording a step drops or replaces its note, without repeating the note', () => {
    const dir = scratchProject();
    const note = [
      'record',
      'KL-2025-0002',
      'uitkomst-gemeld',
      '--on',
      '2025-06-24',
      '--note',
      'Gebeld met Verzonnen Persoon',
      ...TODAY,
    ];
    expect(klachten(note, { cwd: dir }).code).toBe(0);
    const dropped = klachten(['record', 'KL-2025-0002', 'uitkomst-gemeld', '--on', '2025-06-25', ...TODAY], { cwd: dir });
    expect(dropped.code).toBe(0);
    expect(dropped.stdout).toContain('de notitie bij uitkomst-gemeld is verwijderd');
    expect(dropped.stdout + dropped.stderr).not.toContain('Verzonnen Persoon');
    expect(klachten(note, { cwd: dir }).code).toBe(0);
    const replaced = klachten([...note.slice(0, 6), 'Nieuwe notitie', ...TODAY], { cwd: dir });
    expect(replaced.code).toBe(0);
    expect(replaced.stdout).toContain('de notitie bij uitkomst-gemeld is vervangen');
    expect(replaced.stdout + replaced.stderr).not.toContain('Verzonnen Persoon');
  });

  it('keeps the quoting and key order of a flow-style steps map', () => {
    const dir = scratchProject();
    const path = join(dir, CLOSED);
    const flow = readFileSync(path, 'utf8').replace(
      /steps:\n {2}ontvangstbevestiging: 2026-02-06\n {2}voortgangsbericht: 2026-02-20\n {2}schriftelijke-reactie: 2026-03-10\n/,
      `steps: { 'ontvangstbevestiging': "2026-02-06", schriftelijke-reactie: { on: '2026-03-10', note: "x: y" } }\n`,
    );
    expect(flow).toContain('steps: {');
    writeFileSync(path, flow);
    const added = klachten(['record', 'KL-2026-0005', 'voortgangsbericht', '--on', '2026-02-20', ...TODAY], { cwd: dir });
    expect(added.stderr).toBe('');
    expect(added.code).toBe(0);
    const expected = flow.replace(`note: "x: y" } }`, `note: "x: y" }, voortgangsbericht: 2026-02-20 }`);
    expect(readFileSync(path, 'utf8')).toBe(expected);
    const replaced = klachten(['record', 'KL-2026-0005', 'ontvangstbevestiging', '--on', '2026-02-05', ...TODAY], { cwd: dir });
    expect(replaced.code).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(
      expected.replace(`'ontvangstbevestiging': "2026-02-06"`, `'ontvangstbevestiging': 2026-02-05`),
    );
  });
});

describe('klachten new: concurrent runs', () => {
  it('gives each of several runs at once its own id, or a Dutch message, never a stack trace', async () => {
    const dir = scratchProject();
    const args = ['new', '--organisation', 're-integratiedienst', '--channel', 'email', '--received', '2026-11-20'];
    const fields = ['--name', 'Test Verzonnen', '--email', 'test@voorbeeld.example', '--description', 'Verzonnen.', ...TODAY];
    for (let round = 0; round < 3; round++) {
      const results = await Promise.all([0, 1, 2].map(() => klachtenAsync([...args, ...fields], { cwd: dir })));
      for (const result of results) {
        expectNoCrash(result);
        expect(result.code, result.stderr).toBe(0);
      }
      const ids = results.map((result) => /KL-2026-\d{4}/.exec(result.stdout)?.[0]);
      expect(new Set(ids).size).toBe(3);
    }
    expect(readdirSync(join(dir, 'register/complaints/2026')).filter((name) => name.startsWith('.'))).toEqual([]);
  }, 60_000);
});
