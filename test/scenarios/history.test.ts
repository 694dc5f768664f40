import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { complaintText, SAMPLE_REGULATIONS } from '../builders.ts';
import { klachten, scratchProject, type CliResult } from './run-cli.ts';

/** Git without the machine's own configuration or a surrounding repository's variables. */
const GIT_ENV: Record<string, string> = {
  ...(Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('GIT_'))) as Record<string, string>),
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
};

/** Keeps git from finding a repository above the temporary folders. */
const CEILING = { GIT_CEILING_DIRECTORIES: tmpdir() };

function git(dir: string, args: string[], env: Record<string, string> = {}): string {
  const result = spawnSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...GIT_ENV, ...env } });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

/** Git's identity variables for `name` at `date` (UTC). */
function as(name: string, date: string): Record<string, string> {
  const email = 'auteur@voorbeeld.example';
  return {
    GIT_AUTHOR_NAME: name,
    GIT_AUTHOR_EMAIL: email,
    GIT_AUTHOR_DATE: date,
    GIT_COMMITTER_NAME: name,
    GIT_COMMITTER_EMAIL: email,
    GIT_COMMITTER_DATE: date,
  };
}

/** Commits everything as `name` at `date`, with a message that must never be printed. */
function commit(dir: string, name: string, date: string): void {
  git(dir, ['add', '-A']);
  git(dir, ['-c', 'commit.gpgsign=false', 'commit', '-q', '-m', 'Bericht van Geheime Berichtschrijver'], as(name, date));
}

function history(dir: string, args: string[] = [], env: Record<string, string> = {}): CliResult {
  return klachten(['history', 'KL-2026-0001', ...args], { cwd: dir, env: { ...CEILING, ...env } });
}

/** Shas change whenever the copied regulations do; the rest of the text is fixed. */
function withoutShas(text: string): string {
  return text.replace(/^[0-9a-f]{7}(?= {2})/gm, 'sha');
}

const FIRST = 'register/complaints/2026/KL-2026-0001.md';
const MOVED = 'register/complaints/archief/KL-2026-0001.md';
const PERSONAL = [
  'Test Verzonnen',
  'test.verzonnen@voorbeeld.example',
  'nieuw.adres@voorbeeld.example',
  'gemiste afspraak',
  'telefonisch',
  'Geheime Berichtschrijver',
  'auteur@voorbeeld.example',
];

function edit(path: string, from: string, to: string): void {
  const text = readFileSync(path, 'utf8');
  expect(text).toContain(from);
  writeFileSync(path, text.replace(from, to));
}

describe('klachten history', () => {
  let repo = '';

  beforeAll(() => {
    repo = mkdtempSync(join(tmpdir(), 'klachten-history-'));
    git(repo, ['init', '-q']);
    cpSync(SAMPLE_REGULATIONS, join(repo, 'regulations'), { recursive: true });
    mkdirSync(join(repo, 'register/complaints/2026'), { recursive: true });
    const path = join(repo, FIRST);
    writeFileSync(
      path,
      complaintText(
        { organisation: 're-integratiedienst', received: '2026-03-02', category: 'termijnen' },
        'Verzonnen klachttekst over een gemiste afspraak.\n',
      ),
    );
    // 23:30 UTC on 2 March is 00:30 on 3 March in Amsterdam.
    commit(repo, 'Ambtenaar Een', '2026-03-02T23:30:00Z');
    const recorded = klachten(['record', 'KL-2026-0001', 'ontvangstbevestiging', '--on', '2026-03-04', '--today', '2026-03-04'], {
      cwd: repo,
    });
    expect(recorded.stderr).toBe('');
    expect(recorded.code).toBe(0);
    commit(repo, 'Behandelaar Twee', '2026-03-04T09:15:00Z');
    edit(path, 'handler: behandelaar-a', 'handler: behandelaar-b');
    // Summer time began that night: 22:45 UTC is 00:45 the next day.
    commit(repo, 'Teamleider Drie', '2026-03-29T22:45:00Z');
    edit(path, 'test.verzonnen@voorbeeld.example', 'nieuw.adres@voorbeeld.example');
    commit(repo, 'Behandelaar Twee', '2026-04-10T08:00:00Z');
    edit(path, 'category: termijnen', 'category: [termijnen');
    commit(repo, 'Ambtenaar Een', '2026-05-01T10:00:00Z');
    edit(path, 'category: [termijnen', 'category: communicatie');
    commit(repo, 'Ambtenaar Een', '2026-05-01T10:05:00Z');
    mkdirSync(join(repo, 'register/complaints/archief'));
    git(repo, ['mv', FIRST, MOVED]);
    // Still summer time: the clocks go back at 01:00 UTC.
    commit(repo, 'Archivaris Vier', '2026-10-25T00:30:00Z');
    writeFileSync(
      join(repo, MOVED),
      readFileSync(join(repo, MOVED), 'utf8')
        .replace('category: communicatie\n', 'category: communicatie\noutcome: gegrond\n')
        .replace('gemiste afspraak', 'telefonisch gesprek'),
    );
  });

  it('shows who changed which field when, oldest first, in Amsterdam time and across a move', () => {
    const result = history(repo);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(withoutShas(result.stdout)).toBe(`KL-2026-0001: geschiedenis van ${MOVED} uit git, oudste eerst

sha  2026-03-03 00:30  Ambtenaar Een
  nieuw: ${FIRST}
  id                 toegevoegd: KL-2026-0001
  organisation       toegevoegd: re-integratiedienst
  received           toegevoegd: 2026-03-02
  channel            toegevoegd: email
  form               toegevoegd: written
  complainant.name   toegevoegd (persoonsgegeven, waarde niet getoond)
  complainant.email  toegevoegd (persoonsgegeven, waarde niet getoond)
  handler            toegevoegd: behandelaar-a
  category           toegevoegd: termijnen
  tekst              toegevoegd (persoonsgegeven, waarde niet getoond)

sha  2026-03-04 10:15  Behandelaar Twee
  steps.ontvangstbevestiging  toegevoegd: 2026-03-04

sha  2026-03-30 00:45  Teamleider Drie
  handler  gewijzigd: behandelaar-a → behandelaar-b

sha  2026-04-10 10:00  Behandelaar Twee
  complainant.email  gewijzigd (persoonsgegeven, waarde niet getoond)

sha  2026-05-01 12:00  Ambtenaar Een
  front matter niet leesbaar in deze versie

sha  2026-05-01 12:05  Ambtenaar Een
  category  gewijzigd: termijnen → communicatie

sha  2026-10-25 02:30  Archivaris Vier
  verplaatst: ${FIRST} → ${MOVED}

niet vastgelegde wijzigingen
  outcome  toegevoegd: gegrond
  tekst    gewijzigd (persoonsgegeven, waarde niet getoond)
`);
    const shas = git(repo, ['log', '--format=%h', '--abbrev=7', '--follow', '--', MOVED]).trim().split('\n').reverse();
    expect(result.stdout.match(/^[0-9a-f]{7}(?= {2})/gm)).toEqual(shas);
  });

  it('gives the same result in any time zone', () => {
    expect(history(repo, [], { TZ: 'Pacific/Kiritimati' }).stdout).toBe(history(repo, [], { TZ: 'America/Adak' }).stdout);
  });

  it('writes JSON without personal values', () => {
    const result = history(repo, ['--json']);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as {
      id: string;
      file: string;
      shallow: boolean;
      commits: { commit: string; author: string; date: string; path: string; readable: boolean; changes: object[] }[];
      uncommitted: { readable: boolean; changes: object[] } | null;
    };
    expect(json.id).toBe('KL-2026-0001');
    expect(json.file).toBe(MOVED);
    expect(json.shallow).toBe(false);
    expect(json.commits.map((c) => [c.author, c.date, c.path, c.readable])).toEqual([
      ['Ambtenaar Een', '2026-03-03T00:30', FIRST, true],
      ['Behandelaar Twee', '2026-03-04T10:15', FIRST, true],
      ['Teamleider Drie', '2026-03-30T00:45', FIRST, true],
      ['Behandelaar Twee', '2026-04-10T10:00', FIRST, true],
      ['Ambtenaar Een', '2026-05-01T12:00', FIRST, false],
      ['Ambtenaar Een', '2026-05-01T12:05', FIRST, true],
      ['Archivaris Vier', '2026-10-25T02:30', MOVED, true],
    ]);
    for (const c of json.commits) expect(c.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(json.commits[0]?.changes.slice(4, 7)).toEqual([
      { field: 'form', change: 'added', personal: false, to: 'written' },
      { field: 'complainant.name', change: 'added', personal: true },
      { field: 'complainant.email', change: 'added', personal: true },
    ]);
    expect(json.commits.slice(1, 4).map((c) => c.changes)).toEqual([
      [{ field: 'steps.ontvangstbevestiging', change: 'added', personal: false, to: '2026-03-04' }],
      [{ field: 'handler', change: 'changed', personal: false, from: 'behandelaar-a', to: 'behandelaar-b' }],
      [{ field: 'complainant.email', change: 'changed', personal: true }],
    ]);
    expect(json.commits[6]?.changes).toEqual([]);
    expect(json.uncommitted).toEqual({
      readable: true,
      changes: [
        { field: 'outcome', change: 'added', personal: false, to: 'gegrond' },
        { field: 'tekst', change: 'changed', personal: true },
      ],
    });
  });

  it('never prints personal values, the text or commit messages', () => {
    for (const result of [history(repo), history(repo, ['--json'])])
      for (const value of PERSONAL) {
        expect(result.stdout).not.toContain(value);
        expect(result.stderr).not.toContain(value);
      }
  });

  it('shows no uncommitted block when the file is as committed, and warns for a shallow clone', () => {
    const clone = mkdtempSync(join(tmpdir(), 'klachten-history-clone-'));
    git(tmpdir(), ['clone', '-q', '--depth', '1', `file://${repo}`, clone]);
    const result = history(clone);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('de geschiedenis is onvolledig');
    expect(result.stderr).toContain('fetch-depth: 0');
    expect(result.stderr).toContain('git fetch --unshallow');
    expect(withoutShas(result.stdout)).toContain(`sha  2026-10-25 02:30  Archivaris Vier\n  nieuw: ${MOVED}\n  id `);
    expect(result.stdout).not.toContain('niet vastgelegde wijzigingen');
    const json = JSON.parse(history(clone, ['--json']).stdout) as { shallow: boolean; commits: unknown[]; uncommitted: unknown };
    expect(json).toMatchObject({ shallow: true, uncommitted: null });
    expect(json.commits).toHaveLength(1);
  });

  it('explains in Dutch when there is no repository, no commit, no git or no such complaint', () => {
    const plain = scratchProject();
    const noRepo = klachten(['history', 'KL-2026-0006'], { cwd: plain, env: CEILING });
    expect(noRepo.code).toBe(1);
    expect(noRepo.stderr).toBe('geen git-repository: klachten history leest de geschiedenis uit git\n');

    git(plain, ['init', '-q']);
    const noCommit = klachten(['history', 'KL-2026-0006'], { cwd: plain, env: CEILING });
    expect(noCommit.code).toBe(1);
    expect(noCommit.stderr).toBe(
      'register/complaints/2026/KL-2026-0006.md staat nog niet in git; leg het eerst vast (git add en git commit)\n',
    );

    const added = join(repo, 'register/complaints/2026/KL-2026-0002.md');
    writeFileSync(added, complaintText({ id: 'KL-2026-0002', organisation: 're-integratiedienst' }));
    try {
      const untracked = klachten(['history', 'KL-2026-0002'], { cwd: repo, env: CEILING });
      expect(untracked.code).toBe(1);
      expect(untracked.stderr).toContain('KL-2026-0002.md staat nog niet in git; leg het eerst vast');
    } finally {
      rmSync(added);
    }

    const noGit = history(repo, [], { PATH: join(repo, 'no-such-folder') });
    expect(noGit.code).toBe(1);
    expect(noGit.stderr).toContain('git niet gevonden');

    const unknown = klachten(['history', 'KL-2026-0099'], { cwd: repo, env: CEILING });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('klacht KL-2026-0099 niet gevonden');
    expect(klachten(['history'], { cwd: repo }).stderr).toContain('gebruik: klachten history <id>');
  });

  it('compares each commit with its parent, and shows a merge only with its own changes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'klachten-history-merge-'));
    git(dir, ['init', '-q']);
    mkdirSync(join(dir, 'register/complaints/2026'), { recursive: true });
    const path = join(dir, FIRST);
    writeFileSync(path, complaintText({ organisation: 're-integratiedienst', category: 'termijnen' }));
    commit(dir, 'Ambtenaar Een', '2026-06-01T08:00:00Z');
    git(dir, ['checkout', '-q', '-b', 'zijtak']);
    edit(path, 'channel: email', 'channel: post');
    commit(dir, 'Behandelaar Twee', '2026-06-02T08:00:00Z');
    git(dir, ['checkout', '-q', '-']);
    edit(path, 'category: termijnen', 'category: communicatie');
    commit(dir, 'Teamleider Drie', '2026-06-03T08:00:00Z');
    git(dir, ['merge', '-q', '--no-ff', '--no-commit', 'zijtak'], as('Archivaris Vier', '2026-06-04T08:00:00Z'));
    edit(path, 'category: communicatie', 'category: communicatie\noutcome: gegrond');
    commit(dir, 'Archivaris Vier', '2026-06-04T08:00:00Z');
    const result = history(dir);
    expect(result.code).toBe(0);
    expect(withoutShas(result.stdout).split('\n\n').slice(2)).toEqual([
      'sha  2026-06-02 10:00  Behandelaar Twee\n  channel  gewijzigd: email → post',
      'sha  2026-06-03 10:00  Teamleider Drie\n  category  gewijzigd: termijnen → communicatie',
      'sha  2026-06-04 10:00  Archivaris Vier\n  outcome  toegevoegd: gegrond\n',
    ]);
  });

  it('has Dutch help', () => {
    const result = klachten(['history', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Gebruik: klachten history <id> [--json] [opties]');
    expect(klachten(['--help']).stdout).toContain('history    wie wat wanneer aan een klachtdossier veranderde (uit git)');
  });
});
