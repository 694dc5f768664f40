import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { personalValues } from '../builders.ts';
import { FakeGitHub } from '../github/fake-github.ts';
import { klachten, klachtenAsync, scratchProject } from './run-cli.ts';

const TODAY = '2026-11-21';
let dir: string;
let github: FakeGitHub;

function git(...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@voorbeeld.example', ...args], {
    cwd: dir,
    encoding: 'utf8',
  });
}

function edit(file: string, change: (text: string) => string): void {
  const path = join(dir, file);
  writeFileSync(path, change(readFileSync(path, 'utf8')));
}

beforeEach(async () => {
  dir = scratchProject();
  git('init', '-q', '-b', 'main');
  git('add', '.');
  git('commit', '-qm', 'register');
  git('switch', '-qc', 'klacht-bijwerken');
  github = await new FakeGitHub().start();
});

afterEach(async () => {
  await github.close();
});

describe('klachten pr-report', () => {
  it('lists each changed complaint with its deadlines, and no personal data', () => {
    const personal = personalValues(join(dir, 'register'));
    expect(
      klachten(['record', 'KL-2026-0006', 'ontvangstbevestiging', '--on', '2026-11-16', '--today', TODAY], { cwd: dir }).code,
    ).toBe(0);
    rmSync(join(dir, 'register/complaints/2026/KL-2026-0003.md'));
    edit('register/complaints/2026/KL-2026-0014.md', (text) => text.replace('received:', 'received: [kapot'));
    git('commit', '-qam', 'stappen');

    const result = klachten(['pr-report', '--base', 'main', '--today', TODAY], { cwd: dir });
    expect(result.code).toBe(0);
    const report = result.stdout;
    expect(report).toContain('## Klachtdossiers in deze pull request');
    expect(report).toMatch(/❌ De controle vond 1 fout en 1 waarschuwing in 70 dossiers/);
    expect(report).toContain('### KL-2026-0006 (open)');
    expect(report).toContain('| Ontvangst bevestigd (`ontvangstbevestiging`) | di 17 nov 2026 | ma 16 nov 2026 | gedaan |');
    expect(report).toContain('| Schriftelijk voortgangsbericht (`voortgangsbericht`) | di 24 nov 2026 | – | binnenkort |');
    expect(report).toContain('### `register/complaints/2026/KL-2026-0003.md` (verwijderd)');
    expect(report).toContain('### `register/complaints/2026/KL-2026-0014.md` (gewijzigd)');
    expect(report).not.toContain('KL-2026-0002');
    for (const value of personal) expect(report).not.toContain(value);
  });

  it('puts the table in one pull-request comment, created once and updated on every push', async () => {
    const pr = github.addIssue({ title: 'Klacht bijwerken', pull_request: true });
    github
      .addIssue({ title: 'Klacht bijwerken', pull_request: true, number: 2 })
      .comments.push({ id: 900, body: 'Iemand anders' });
    expect(
      klachten(['record', 'KL-2026-0006', 'ontvangstbevestiging', '--on', '2026-11-16', '--today', TODAY], { cwd: dir }).code,
    ).toBe(0);
    git('commit', '-qam', 'stap');
    const run = () =>
      klachtenAsync(['pr-report', '--base', 'main', '--today', TODAY, '--comment', String(pr.number)], {
        cwd: dir,
        env: github.env(),
      });

    const first = await run();
    expect(first.stderr).toBe(`reactie geplaatst in #${pr.number}\n`);
    expect(pr.comments).toHaveLength(1);
    expect(pr.comments[0]?.body).toBe(first.stdout);

    expect(klachten(['record', 'KL-2026-0019', 'verslag', '--on', '2026-11-20', '--today', TODAY], { cwd: dir }).code).toBe(0);
    git('commit', '-qam', 'nog een stap');
    const second = await run();
    expect(second.stderr).toBe(`reactie in #${pr.number} bijgewerkt\n`);
    expect(pr.comments).toHaveLength(1);
    expect(pr.comments[0]?.body).toContain('### KL-2026-0019');

    const third = await run();
    expect(third.stderr).toBe(`reactie in #${pr.number} was al bij\n`);
    expect(github.writeRequests()).toHaveLength(2);
  });

  it('warns but succeeds when the token may not comment (a pull request from a fork)', async () => {
    github.addIssue({ title: 'Uit een fork', pull_request: true });
    github.faults = [{ match: /^POST /, kind: 'forbidden', times: 1 }];
    const result = await klachtenAsync(['pr-report', '--base', 'main', '--today', TODAY, '--comment', '1'], {
      cwd: dir,
      env: github.env(),
    });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(
      'waarschuwing: geen reactie in #1: geen toestemming (403: Resource not accessible by integration)',
    );
    expect(result.stdout).toContain('Deze pull request wijzigt geen klachtdossiers.');
  });

  it('says how to fetch history when the base is unknown', () => {
    const result = klachten(['pr-report', '--base', 'origin/bestaat-niet', '--today', TODAY], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("git kan 'origin/bestaat-niet' niet met HEAD vergelijken");
    expect(result.stderr).toContain('fetch-depth: 0');
  });

  it('tells a folder outside git apart from a machine without git', () => {
    const outside = scratchProject();
    const notRepo = klachten(['pr-report', '--today', TODAY], {
      cwd: outside,
      env: { GIT_CEILING_DIRECTORIES: join(outside, '..') },
    });
    expect(notRepo.code).toBe(1);
    expect(notRepo.stderr).toContain(`${outside} is geen git-repository`);
    expect(notRepo.stderr).not.toContain('git niet gevonden');
    const noGit = klachten(['pr-report', '--today', TODAY], { cwd: dir, env: { PATH: join(dir, 'geen-git') } });
    expect(noGit.code).toBe(1);
    expect(noGit.stderr).toContain('git niet gevonden: installeer git of zet het in het PATH');
    rmSync(outside, { recursive: true, force: true });
  });
});
