import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personalValues, ROOT, SAMPLE_REGISTER, SAMPLE_REGULATIONS } from '../builders.ts';
import { klachten } from './run-cli.ts';

/**
 * The README's steps for purging the git history after the retention pull request merged, run as
 * written against a real repository with a real git filter-repo.
 */
const GIT_ENV = {
  GIT_AUTHOR_NAME: 'Medewerker Test',
  GIT_AUTHOR_EMAIL: 'medewerker@voorbeeld.example',
  GIT_COMMITTER_NAME: 'Medewerker Test',
  GIT_COMMITTER_EMAIL: 'medewerker@voorbeeld.example',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
};

let root: string;
const git = (cwd: string, ...args: string[]): string =>
  execFileSync('git', ['-c', 'init.defaultBranch=main', ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...GIT_ENV },
    maxBuffer: 256 * 1024 * 1024,
  });

/** The shell block under "Retention and the git history" in the README. */
function readmeSteps(): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Retention and the git history'));
  const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1];
  if (block === undefined) throw new Error('README: no sh block under "Retention and the git history"');
  return block;
}

beforeAll(() => {
  execFileSync('git', ['filter-repo', '--version'], { stdio: 'ignore' });
  root = mkdtempSync(join(tmpdir(), 'klachten-purge-'));
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe("the README's purge of the git history", () => {
  it('removes every old version of the anonymised files and keeps the rest of the history', () => {
    const origin = join(root, 'origin.git');
    const work = join(root, 'work');
    git(root, 'init', '-q', '--bare', origin);
    git(root, 'init', '-q', work);
    cpSync(SAMPLE_REGISTER, join(work, 'register'), { recursive: true });
    cpSync(SAMPLE_REGULATIONS, join(work, 'regulations'), { recursive: true });
    git(work, 'add', '.');
    git(work, 'commit', '-q', '-m', 'Voorbeeldregister');
    // A second version of one file that will be anonymised, and of one that stays.
    const gone = 'register/complaints/2024/KL-2024-0017.md';
    const stays = 'register/complaints/2025/KL-2025-0001.md';
    for (const file of [gone, stays]) {
      const path = join(work, file);
      writeFileSync(path, readFileSync(path, 'utf8').replace(/email: (\S+)@/, 'email: gewijzigd.$1@'));
    }
    git(work, 'commit', '-q', '-am', 'Adressen gecorrigeerd');
    const oldRegister = join(root, 'oud');
    cpSync(join(work, 'register'), oldRegister, { recursive: true });
    git(work, 'remote', 'add', 'origin', origin);
    git(work, 'push', '-q', 'origin', 'main');

    // The monthly pull request, merged.
    git(work, 'switch', '-q', '-c', 'bewaartermijn');
    expect(klachten(['retention', '--apply', '--today', '2026-11-22'], { cwd: work }).code).toBe(0);
    const anonymised = git(work, 'diff', '--name-only', '--', 'register').trim().split('\n');
    expect(anonymised).toHaveLength(2);
    expect(anonymised).toContain(gone);
    git(work, 'commit', '-q', '-am', 'Bewaartermijn: persoonsgegevens verwijderd uit 2 dossiers');
    git(work, 'switch', '-q', 'main');
    git(work, 'merge', '-q', '--no-ff', '-m', 'Merge bewaartermijn', 'bewaartermijn');
    git(work, 'push', '-q', 'origin', 'main');
    const merge = git(work, 'rev-parse', 'HEAD').trim();
    const tree = git(work, 'rev-parse', 'HEAD^{tree}').trim();

    // Every personal value of the old versions of those files that no remaining file holds.
    const oldOnly = join(root, 'oud-alleen');
    for (const file of anonymised) {
      const into = join(oldOnly, file.replace(/^register\//, ''));
      mkdirSync(join(into, '..'), { recursive: true });
      cpSync(join(oldRegister, file.replace(/^register\//, '')), into);
    }
    const remaining = git(work, 'grep', '-h', '-I', '', 'HEAD', '--', 'register');
    const needles = [...personalValues(oldOnly), 'gewijzigd.rik'].filter((value) => !remaining.includes(value));
    expect(needles.length).toBeGreaterThan(5);
    expect(git(origin, 'log', '--all', '-p', '--format=')).toContain('gewijzigd.rik');

    const steps = readmeSteps()
      .replaceAll('https://github.com/<organisatie>/<register>.git', `file://${origin}`)
      .replaceAll('<merge>', merge);
    const purge = join(root, 'opschoner');
    mkdirSync(purge);
    execFileSync('bash', ['-euo', 'pipefail', '-c', steps], { cwd: purge, env: { ...process.env, ...GIT_ENV }, stdio: 'pipe' });

    const history = git(origin, 'log', '--all', '-p', '--format=%an %s');
    for (const needle of needles) expect(history, needle).not.toContain(needle);
    // The files are as they were after the merge; only their history is gone.
    expect(git(origin, 'rev-parse', 'main^{tree}').trim()).toBe(tree);
    expect(git(origin, 'log', '--format=%s', 'main', '--', gone).trim().split('\n')).toEqual([
      'Bewaartermijn: geanonimiseerde dossiers teruggezet zonder geschiedenis',
    ]);
    expect(git(origin, 'log', '--format=%s', 'main', '--', stays).trim().split('\n')).toEqual([
      'Adressen gecorrigeerd',
      'Voorbeeldregister',
    ]);
  });
});
