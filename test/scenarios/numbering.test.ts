import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { klachten, scratchProject } from './run-cli.ts';

// Two colleagues register a complaint at the same time, each on a branch of their own; both pull
// requests are merged. Before, both got KL-2026-0024 and the second merge was an add/add conflict with
// two complainants in one file. Now each complaint has a provisional id of its own until it is on main,
// where `klachten number` (the workflow number) gives the numbers in turn.

const TODAY = ['--today', '2026-11-21'];
const ENV = {
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@voorbeeld.example',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@voorbeeld.example',
};

function git(dir: string, ...args: string[]): string {
  const result = spawnSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, ...ENV } });
  expect(result.status, `git ${args.join(' ')}: ${result.stderr}`).toBe(0);
  return result.stdout;
}

function register(dir: string, organisation: string, received: string): string {
  const result = klachten(
    [
      'new',
      '--organisation',
      organisation,
      '--channel',
      'email',
      '--received',
      received,
      '--name',
      'Test Verzonnen',
      '--email',
      'test@voorbeeld.example',
      '--address',
      'Voorbeeldstraat 1, 1234 AB Voorbeeld',
      '--dated',
      received,
      '--description',
      'Verzonnen klacht.',
      ...TODAY,
    ],
    { cwd: dir },
  );
  expect(result.code, result.stderr).toBe(0);
  const id = /^(nieuw-[a-z0-9]{6}) geregistreerd in/m.exec(result.stdout)?.[1];
  expect(id, result.stdout).toBeDefined();
  expect(result.stdout).toContain('Het klachtnummer volgt zodra de klacht op main staat');
  return id ?? '';
}

function complaints2026(dir: string): string[] {
  return readdirSync(join(dir, 'register', 'complaints', '2026')).sort();
}

describe('numbers without collisions', () => {
  it('two branches that each register a complaint merge without conflict into two numbered files', () => {
    const dir = scratchProject();
    git(dir, 'init', '--quiet', '--initial-branch=main');
    git(dir, 'add', '-A');
    git(dir, 'commit', '--quiet', '-m', 'register');
    const before = complaints2026(dir);
    expect(before.at(-1)).toBe('KL-2026-0023.md');

    git(dir, 'checkout', '--quiet', '-b', 'anna');
    const first = register(dir, 're-integratiedienst', '2026-11-20');
    git(dir, 'add', '-A');
    git(dir, 'commit', '--quiet', '-m', 'nieuwe klacht');
    const provisionalText = readFileSync(join(dir, 'register', 'complaints', '2026', `${first}.md`), 'utf8');

    git(dir, 'checkout', '--quiet', 'main');
    git(dir, 'checkout', '--quiet', '-b', 'bram');
    const second = register(dir, 'pit', '2026-11-19');
    git(dir, 'add', '-A');
    git(dir, 'commit', '--quiet', '-m', 'nieuwe klacht');
    expect(second).not.toBe(first);

    // Both checks are green on their branch.
    expect(klachten(['check', ...TODAY], { cwd: dir }).code).toBe(0);

    git(dir, 'checkout', '--quiet', 'main');
    git(dir, 'merge', '--quiet', '--no-ff', '-m', 'anna', 'anna');
    const numbered = klachten(['number', ...TODAY], { cwd: dir });
    expect(numbered.code, numbered.stderr).toBe(0);
    expect(numbered.stdout).toContain(`${first} → KL-2026-0024`);
    git(dir, 'add', '-A');
    git(dir, 'commit', '--quiet', '-m', 'Klachtnummers toegekend: KL-2026-0024');

    git(dir, 'merge', '--quiet', '--no-ff', '-m', 'bram', 'bram');
    expect(klachten(['number', ...TODAY], { cwd: dir }).stdout).toContain(`${second} → KL-2026-0025`);
    git(dir, 'add', '-A');
    git(dir, 'commit', '--quiet', '-m', 'Klachtnummers toegekend: KL-2026-0025');

    expect(complaints2026(dir)).toEqual([...before, 'KL-2026-0024.md', 'KL-2026-0025.md']);
    // Only the id line changed.
    expect(readFileSync(join(dir, 'register', 'complaints', '2026', 'KL-2026-0024.md'), 'utf8')).toBe(
      provisionalText.replace(`id: ${first}\n`, 'id: KL-2026-0024\n'),
    );
    const check = klachten(['check', ...TODAY], { cwd: dir });
    expect(check.code).toBe(0);
    expect(check.stdout + check.stderr).toContain('0 fouten');
    // Nothing left to number.
    expect(klachten(['number', ...TODAY], { cwd: dir }).stdout).toContain('niets te nummeren');
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });

  it('numbers several at once in order of receipt, and gives no number to a file with errors', () => {
    const dir = scratchProject();
    const later = register(dir, 'pit', '2026-11-20');
    const earlier = register(dir, 'pit', '2026-11-18');
    const broken = join(dir, 'register', 'complaints', '2026', 'nieuw-kapot7.md');
    writeFileSync(broken, '---\nid: nieuw-kapot7\norganisation: pit\nreceived: 2026-11-40\n---\n');
    const dry = klachten(['number', '--dry-run', ...TODAY], { cwd: dir });
    expect(dry.stdout).toContain(`${earlier} → KL-2026-0024`);
    expect(dry.stdout).toContain(`${later} → KL-2026-0025`);
    expect(complaints2026(dir)).toContain(`${earlier}.md`);
    const result = klachten(['number', ...TODAY], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('nieuw-kapot7.md: heeft fouten');
    expect(complaints2026(dir)).toEqual(expect.arrayContaining(['KL-2026-0024.md', 'KL-2026-0025.md', 'nieuw-kapot7.md']));
    expect(readFileSync(join(dir, 'register', 'complaints', '2026', 'KL-2026-0024.md'), 'utf8')).toContain(
      'received: 2026-11-18',
    );
  });
});
