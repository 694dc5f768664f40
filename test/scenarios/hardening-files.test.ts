// Issue 14, "nothing is silently lost": the files a command reads and writes, on scratch registers.
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { markerKey } from '../../core/index.ts';
import { invalidUtf8Line, listMarkdown, readFileChecked, unreadableReason } from '../../node/read-sources.ts';
import { lockPathOf, replaceFile } from '../../node/write-file.ts';
import { ROOT, SAMPLE, SAMPLE_REGISTER, SAMPLE_REGULATIONS, SAMPLE_STAFF } from '../builders.ts';
import { FakeGitHub } from '../github/fake-github.ts';
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
    const args = ['new', '--number', '--organisation', 're-integratiedienst', '--channel', 'email', '--received', '2026-11-20'];
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

/**
 * Tests run as root, and root reads a chmod 000 file, so EACCES cannot be made here. A path over the
 * system's limit (PATH_MAX, 4096 bytes) makes the same `open` or `readdir` fail (ENAMETOOLONG) on the
 * same code path. So the scratch register lies deep enough that its own files are readable, but a file
 * with a long name, or a folder below a long-named folder, is not.
 */
function deepProject(): string {
  let root = mkdtempSync(join(tmpdir(), 'klachten-diep-'));
  // 3,840: a 200-character folder in complaints/2026 stays under the limit, a 253-character file name not.
  while (root.length < 3840) root = join(root, 'd'.repeat(Math.min(200, 3839 - root.length)));
  mkdirSync(root, { recursive: true });
  cpSync(SAMPLE_REGISTER, join(root, 'register'), { recursive: true });
  cpSync(SAMPLE_REGULATIONS, join(root, 'regulations'), { recursive: true });
  return root;
}

/** A complaint file in complaints/2026 that cannot be opened; its path relative to `dir`. */
function unopenableFile(dir: string): string {
  const name = `${'K'.repeat(250)}.md`;
  expect(join(dir, 'register/complaints/2026', name).length).toBeGreaterThan(4096);
  const text = readFileSync(join(dir, OPEN), 'utf8').replaceAll('KL-2026-0006', 'KL-2026-0099');
  const made = spawnSync('sh', ['-c', 'cat > "$1"', 'sh', name], { cwd: join(dir, 'register/complaints/2026'), input: text });
  expect(made.status).toBe(0);
  return `register/complaints/2026/${name}`;
}

/** A folder (with a complaint in it) below complaints/2026 that cannot be listed; its path relative to `dir`. */
function unlistableFolder(dir: string): string {
  const outer = `register/complaints/2026/${'e'.repeat(200)}`;
  mkdirSync(join(dir, outer));
  const inner = 'f'.repeat(200);
  expect(join(dir, outer, inner).length).toBeGreaterThan(4096);
  const text = readFileSync(join(dir, OPEN), 'utf8').replaceAll('KL-2026-0006', 'KL-2026-0098');
  const made = spawnSync('sh', ['-c', 'mkdir "$1" && cat > "$1/KL-2026-0098.md"', 'sh', inner], {
    cwd: join(dir, outer),
    input: text,
  });
  expect(made.status).toBe(0);
  return `${outer}/${inner}`;
}

/** Runs the CLI with a time limit, for what used to loop. */
function klachtenWithin(args: string[], cwd: string, seconds = 15): CliResult {
  const result = spawnSync(process.execPath, [join(ROOT, 'cli/klachten.ts'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: seconds * 1000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface JsonReport {
  files: number;
  errors: number;
  diagnostics: { severity: string; code: string; file: string; line: number; message: string }[];
}

describe('a file or folder that cannot be read', () => {
  it('check: one finding naming the file (code unreadable), and the other files are checked', () => {
    const dir = deepProject();
    const file = unopenableFile(dir);
    const result = klachten(['check', '--format', 'json', ...TODAY], { cwd: dir });
    expectNoCrash(result);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report.diagnostics.filter((d) => d.severity === 'error')).toEqual([
      {
        severity: 'error',
        code: 'unreadable',
        file,
        line: 1,
        column: 1,
        message: expect.stringContaining('niet te lezen') as unknown,
      },
    ]);
    expect(report.files).toBe(72);
  });

  it('check: a folder it cannot list is one finding naming the folder', () => {
    const dir = deepProject();
    const folder = unlistableFolder(dir);
    const result = klachten(['check', '--format', 'json', ...TODAY], { cwd: dir });
    expectNoCrash(result);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report.diagnostics.filter((d) => d.severity === 'error')).toMatchObject([{ code: 'unreadable', file: folder }]);
  });

  it('status, retention and export go on with the others and name the file', () => {
    const dir = deepProject();
    const file = unopenableFile(dir);
    const status = klachten(['status', '--json', ...TODAY], { cwd: dir });
    expectNoCrash(status);
    expect(status.code).toBe(1);
    expect(status.stderr).toContain(`${file}:1:1:`);
    expect((JSON.parse(status.stdout) as { complaints: unknown[] }).complaints.length).toBeGreaterThan(60);
    for (const args of [['retention'], ['export', '--id', 'KL-2026-0006']]) {
      const result = klachten([...args, ...TODAY], { cwd: dir });
      expectNoCrash(result);
      expect(result.code, `${args[0]}: ${result.stderr}`).not.toBeNull();
    }
  });
});

describe('symbolic links in the register', () => {
  /** A complaint outside the register, with a made-up person in it. */
  function outside(): string {
    const away = mkdtempSync(join(tmpdir(), 'klachten-buiten-'));
    const text = readFileSync(join(SAMPLE, OPEN), 'utf8')
      .replaceAll('KL-2026-0006', 'KL-2026-0077')
      .replace('Kees Fantasie', 'Buiten Verzonnen');
    writeFileSync(join(away, 'KL-2026-0077.md'), text);
    return away;
  }

  it('a linked folder leading out of the register is a finding, and nothing from it is read', () => {
    const dir = scratchProject();
    symlinkSync(outside(), join(dir, 'register/complaints/extern'));
    const check = klachten(['check', '--format', 'json', ...TODAY], { cwd: dir });
    expectNoCrash(check);
    expect(check.code).toBe(1);
    const report = JSON.parse(check.stdout) as JsonReport;
    expect(report.diagnostics.filter((d) => d.severity === 'error')).toMatchObject([
      { code: 'link', file: 'register/complaints/extern' },
    ]);
    const exported = klachten(['export', '--id', 'KL-2026-0077', ...TODAY], { cwd: dir });
    expect(exported.stdout).not.toContain('Buiten Verzonnen');
    const status = klachten(['status', '--json', ...TODAY], { cwd: dir });
    expect(status.stdout).not.toContain('KL-2026-0077');
  });

  it('a linked complaint file is an error, never skipped in silence', () => {
    const dir = scratchProject();
    symlinkSync(join(outside(), 'KL-2026-0077.md'), join(dir, 'register/complaints/2026/KL-2026-0077.md'));
    const check = klachten(['check', '--format', 'json', ...TODAY], { cwd: dir });
    expect(check.code).toBe(1);
    expect((JSON.parse(check.stdout) as JsonReport).diagnostics.filter((d) => d.severity === 'error')).toMatchObject([
      { code: 'link', file: 'register/complaints/2026/KL-2026-0077.md', message: expect.stringContaining('link') as unknown },
    ]);
    const record = klachten(['record', 'KL-2026-0077', 'ontvangstbevestiging', ...TODAY], { cwd: dir });
    expectNoCrash(record);
    expect(record.code).toBe(1);
    expect(record.stderr).toContain('link');
  });

  it('two links to the folder above never make a command loop', () => {
    const dir = scratchProject();
    symlinkSync('..', join(dir, 'register/complaints/2026/a'));
    symlinkSync('..', join(dir, 'register/complaints/2026/b'));
    for (const args of [
      ['check'],
      ['status'],
      ['record', 'KL-2026-0006', 'ontvangstbevestiging'],
      ['new', '--organisation', 'pit', '--channel', 'post', '--name', 'X', '--description', 'Y'],
    ]) {
      const result = klachtenWithin([...args, ...TODAY], dir);
      expect(result.code, `${args[0]} ended`).not.toBeNull();
      expectNoCrash(result);
    }
    const check = klachten(['check', '--format', 'json', ...TODAY], { cwd: dir });
    expect((JSON.parse(check.stdout) as JsonReport).diagnostics.filter((d) => d.code === 'link').map((d) => d.file)).toEqual([
      'register/complaints/2026/a',
      'register/complaints/2026/b',
    ]);
  });
});

describe('the sync with a file it cannot read or follow', () => {
  const STAFF = SAMPLE_STAFF;
  let github: FakeGitHub;
  beforeEach(async () => {
    github = await new FakeGitHub().start();
    for (const login of STAFF) github.assignable.add(login);
  });
  afterEach(async () => {
    await github.close();
  });

  it.each(['unreadable', 'link'])(
    'keeps the issues of a complaint while a complaint file is %s',
    async (kind) => {
      const dir = kind === 'link' ? scratchProject() : deepProject();
      const sync = () => klachtenAsync(['sync', ...TODAY], { cwd: dir, env: github.env({}) });
      expect((await sync()).code).toBe(0);
      const key = 'KL-2026-0002/stap/behandeling';
      expect(github.issues.find((i) => markerKey(i.body) === key)?.state).toBe('open');
      const path = join(dir, 'register/complaints/2026/KL-2026-0002.md');
      let file = 'register/complaints/2026/KL-2026-0002.md';
      if (kind === 'link') {
        // The file itself is a link now: its complaint must not count as gone.
        const away = mkdtempSync(join(tmpdir(), 'klachten-buiten-'));
        renameSync(path, join(away, 'KL-2026-0002.md'));
        symlinkSync(join(away, 'KL-2026-0002.md'), path);
      } else {
        // Which complaint an unreadable file holds is unknown: no issue of a complaint that is not read closes.
        file = unopenableFile(dir);
        rmSync(path);
      }
      const run = await sync();
      expectNoCrash(run);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(file);
      expect(github.issues.find((i) => markerKey(i.body) === key)?.state).toBe('open');
    },
    30_000,
  );
});

describe('a file that is not valid UTF-8', () => {
  function latin1(dir: string): { path: string; bytes: Buffer } {
    const path = join(dir, OPEN);
    // "Café" in Latin-1 on line 11 (category), as an old editor would save it.
    const text = readFileSync(path, 'utf8').replace('category: bejegening', 'category: bejegening # Caf\u00e9');
    const bytes = Buffer.from(text, 'latin1');
    writeFileSync(path, bytes);
    return { path, bytes };
  }

  it('check refuses it with a Dutch message naming the line', () => {
    const dir = scratchProject();
    latin1(dir);
    const result = klachten(['check', '--format', 'json', ...TODAY], { cwd: dir });
    expect(result.code).toBe(1);
    expect((JSON.parse(result.stdout) as JsonReport).diagnostics.filter((d) => d.severity === 'error')).toMatchObject([
      { code: 'encoding', file: OPEN, line: 11, message: expect.stringContaining('UTF-8') as unknown },
    ]);
  });

  it('record refuses it and changes no byte', () => {
    const dir = scratchProject();
    const { path, bytes } = latin1(dir);
    const result = klachten(['record', 'KL-2026-0006', 'ontvangstbevestiging', '--on', '2026-11-12', ...TODAY], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${OPEN}:11:1: geen geldige UTF-8`);
    expect(readFileSync(path)).toEqual(bytes);
  });
});

describe('readFileChecked and listMarkdown (node/read-sources.ts)', () => {
  it('lists and refuses a pipe, a dangling link and a link to a file, without waiting or following', () => {
    const dir = mkdtempSync(join(tmpdir(), 'klachten-lezen-'));
    writeFileSync(join(dir, 'gewoon.md'), '---\nid: x\n---\n');
    expect(spawnSync('mkfifo', [join(dir, 'pijp.md')]).status).toBe(0);
    symlinkSync(join(dir, 'nergens.md'), join(dir, 'los.md'));
    symlinkSync(join(dir, 'gewoon.md'), join(dir, 'link.md'));
    mkdirSync(join(dir, 'map.md'));
    writeFileSync(join(dir, 'map.md', 'binnen.md'), '---\nid: y\n---\n');
    expect(listMarkdown(dir).map((path) => path.slice(dir.length + 1))).toEqual([
      'gewoon.md',
      'link.md',
      'los.md',
      'map.md/binnen.md',
      'pijp.md',
    ]);
    const problems = Object.fromEntries(
      ['gewoon.md', 'link.md', 'los.md', 'pijp.md'].map((name) => [
        name,
        readFileChecked(join(dir, name), name).source.problem?.code,
      ]),
    );
    expect(problems).toEqual({ 'gewoon.md': undefined, 'link.md': 'link', 'los.md': 'link', 'pijp.md': 'unreadable' });
  });

  it('names the reason of a failed open in Dutch, never the path (EACCES cannot be made as root: mapped here)', () => {
    expect(unreadableReason('EACCES')).toBe('geen leesrechten');
    expect(unreadableReason('EPERM')).toBe('geen leesrechten');
    expect(unreadableReason('ENAMETOOLONG')).toBe('het pad is te lang');
    expect(unreadableReason('EIO')).toBe('fout EIO');
  });

  it('finds the line of the first byte that is not UTF-8, and keeps a byte-order mark', () => {
    expect(invalidUtf8Line(Buffer.from('a\nb\nc\xff\n', 'latin1'))).toBe(3);
    expect(invalidUtf8Line(Buffer.from('\xe9', 'latin1'))).toBe(1);
    const dir = mkdtempSync(join(tmpdir(), 'klachten-lezen-'));
    writeFileSync(join(dir, 'bom.md'), '\uFEFF---\nid: x\n---\n');
    expect(readFileChecked(join(dir, 'bom.md'), 'bom.md').source.text).toBe('\uFEFF---\nid: x\n---\n');
  });

  it('reads a file of any size up to the limit whole, an empty file as empty, and stops past the limit', () => {
    const dir = mkdtempSync(join(tmpdir(), 'klachten-lezen-'));
    const read = (name: string) => readFileChecked(join(dir, name), name);
    // Past the first read's buffer (64 KiB) and just under the limit (256 KiB), with multi-byte letters.
    for (const [name, size] of [
      ['groot.md', 100_000],
      ['grens.md', 256 * 1024 - 200],
    ] as const) {
      const text = `---\nid: x\n---\n${'ë'.repeat((size - 14) / 2)}`;
      writeFileSync(join(dir, name), text);
      expect(read(name).source).toEqual({ file: name, text });
    }
    writeFileSync(join(dir, 'leeg.md'), '');
    expect(read('leeg.md').source).toEqual({ file: 'leeg.md', text: '' });
    // Past the limit: not decoded, the size told for the message.
    writeFileSync(join(dir, 'te-groot.md'), 'x'.repeat(600_000));
    expect(read('te-groot.md').source).toEqual({ file: 'te-groot.md', text: '', size: 600_000 });
    // A folder, named as a file could be.
    mkdirSync(join(dir, 'map.md'));
    expect(read('map.md').source.problem?.message).toContain('het is een map');
  });

  it('gives a caller bytes of its own: reading the next file does not change them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'klachten-lezen-'));
    writeFileSync(join(dir, 'a.md'), '---\nid: a\n---\n');
    writeFileSync(join(dir, 'b.md'), '---\nid: b\n---\n');
    const first = readFileChecked(join(dir, 'a.md'), 'a.md').bytes;
    readFileChecked(join(dir, 'b.md'), 'b.md');
    expect(first?.toString('utf8')).toBe('---\nid: a\n---\n');
  });
});
