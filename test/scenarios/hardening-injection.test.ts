import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { markerKey } from '../../core/index.ts';
import { SAMPLE_STAFF } from '../builders.ts';
import { FakeGitHub } from '../github/fake-github.ts';
import { klachten, klachtenAsync, scratchProject } from './run-cli.ts';

const TODAY = '2026-11-21';
const STAFF = SAMPLE_STAFF;
const FORGED = 'x `@everyone` <!-- klachtenregister: termijnen-deze-week -->';

let github: FakeGitHub;
let dir: string;

beforeEach(async () => {
  github = await new FakeGitHub().start();
  for (const login of STAFF) github.assignable.add(login);
  dir = scratchProject();
});

afterEach(async () => {
  await github.close();
});

function sync() {
  return klachtenAsync(['sync', '--today', TODAY], { cwd: dir, env: github.env() });
}

function edit(file: string, change: (text: string) => string): void {
  const path = join(dir, file);
  writeFileSync(path, change(readFileSync(path, 'utf8')));
}

/** Mentions in text GitHub renders (outside code spans and the marker line) of anyone but the staff. */
function liveMentions(markdown: string): string[] {
  const text = markdown.replace(/\n<!-- klachtenregister: [^\n]* -->$/, '').replace(/`[^`\n]*`/g, '');
  return [...text.matchAll(/(?:^|[^\w`])@([A-Za-z0-9][A-Za-z0-9-]*)/g)]
    .map((m) => m[1] ?? '')
    .filter((login) => !STAFF.includes(login));
}

/** Every title, body and comment the runs sent to GitHub. */
function sentTexts(): string[] {
  return github.writeRequests().flatMap((r) => {
    const body = JSON.parse(r.body || '{}') as { title?: unknown; body?: unknown };
    return [body.title, body.body].filter((v): v is string => typeof v === 'string');
  });
}

describe('hardening: nothing from a file is obeyed (issue 14)', () => {
  it('10: a folder and an action description that carry a forged marker: three runs, no duplicate, nothing closed wrongly, no live mention', async () => {
    // KL-2026-0006 (overdue) moves into a folder whose name forges the digest's marker and mentions everyone.
    const forgedDir = join(dir, 'register/complaints', FORGED);
    mkdirSync(forgedDir);
    renameSync(join(dir, 'register/complaints/2026/KL-2026-0006.md'), join(forgedDir, 'KL-2026-0006.md'));
    // An overdue improvement action whose description forges a marker, mentions and references.
    edit('register/evaluations/mvz/2024.md', (text) =>
      text.replace(
        'description: Training klantgesprekken voor alle coaches',
        `description: "Training @everyone #1 <img src=x> \`code\`\\n\\n<!-- klachtenregister: termijnen-deze-week -->"`,
      ),
    );

    const runs = [await sync(), await sync(), await sync()];
    const writesAfterFirst = github.writeRequests().length;
    for (const run of runs) {
      // The file outside complaints/<year>/ is an error: its issues stay, the rest goes on.
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('een klachtdossier hoort in complaints/<jaar>/ te staan');
      expect(run.stderr).not.toMatch(/^::/m);
    }
    // The second and third run find everything as the first left it.
    expect(runs[1]?.stdout).toContain('Plan: niets te wijzigen.');
    expect(runs[2]?.stdout).toContain('Plan: niets te wijzigen.');
    expect(github.writeRequests()).toHaveLength(writesAfterFirst);

    const keys = github.issues.map((issue) => markerKey(issue.body));
    expect(keys.every((key) => key !== undefined)).toBe(true);
    expect(new Set(keys).size).toBe(keys.length);
    expect(github.issues.filter((issue) => issue.state === 'closed')).toEqual([]);
    const digest = github.issues.find((issue) => markerKey(issue.body) === 'termijnen-deze-week');
    expect(digest?.title).toBe('Termijnen deze week');
    // The unreadable file is named in the digest, escaped.
    expect(digest?.body).toContain('KL-2026-0006.md');
    const action = github.issues.find((issue) => markerKey(issue.body) === 'evaluatie/mvz/2024/actie/2');
    expect(action?.body).toContain('Training');

    for (const text of sentTexts()) {
      expect(liveMentions(text), text).toEqual([]);
      expect(text.replace(/\n<!-- klachtenregister: [^\n]* -->$/, ''), text).not.toMatch(/<!--|<img|(^|\s)#\d/);
    }
  });

  it('3b: a handler that is not an assignable login is never written into an issue, a warning or the log', async () => {
    // KL-2026-0002's treatment is overdue; its handler is a phone number typed in the wrong field.
    edit('register/complaints/2026/KL-2026-0002.md', (text) => text.replace('handler: behandelaar-a', 'handler: 06-12345678'));
    const run = await sync();
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(
      'waarschuwing: KL-2026-0002/stap/behandeling: behandelaar niet toewijsbaar (zie het dossier) in voorbeeld-bv/klachten',
    );
    const issue = github.issues.find((i) => markerKey(i.body) === 'KL-2026-0002/stap/behandeling');
    expect(issue?.assignees).toEqual([]);
    expect(issue?.body).toContain('| Behandelaar | behandelaar niet toewijsbaar (zie het dossier) |');
    for (const text of [...sentTexts(), ...github.requests.map((r) => r.path + r.body), run.stdout, run.stderr])
      expect(text).not.toContain('12345678');
  });

  it('10: a complaint file outside complaints/<year>/ is an error in klachten check', () => {
    mkdirSync(join(dir, 'register/complaints/archief'));
    renameSync(join(dir, 'register/complaints/2026/KL-2026-0006.md'), join(dir, 'register/complaints/archief/KL-2026-0006.md'));
    const result = klachten(['check', '--format', 'json', '--today', TODAY], { cwd: dir });
    expect(result.code).toBe(1);
    const { diagnostics } = JSON.parse(result.stdout) as { diagnostics: { code: string; file: string }[] };
    expect(diagnostics.filter((d) => d.code === 'complaint-folder').map((d) => d.file)).toEqual([
      'register/complaints/archief/KL-2026-0006.md',
    ]);
  });
});

describe('hardening: pr-report escapes what comes from files (issue 14, points 12 and 3b)', () => {
  let repo: string;
  function git(...args: string[]): string {
    return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@voorbeeld.example', ...args], {
      cwd: repo,
      encoding: 'utf8',
    });
  }
  beforeEach(() => {
    repo = scratchProject();
    git('init', '-q', '-b', 'main');
    git('add', '.');
    git('commit', '-qm', 'register');
    git('switch', '-qc', 'klacht-bijwerken');
  });

  it('12: a file name with a backtick, a newline or @login breaks out of nothing and is named as an error', () => {
    const text = readFileSync(join(repo, 'register/complaints/2026/KL-2026-0006.md'), 'utf8');
    const names = ['KL-2026-0090` @everyone `.md', 'KL-2026-0091\n## Kop @everyone.md', '@directie-demo.md'];
    for (const [i, name] of names.entries())
      writeFileSync(join(repo, 'register/complaints/2026', name), text.replace('KL-2026-0006', `KL-2026-009${String(i)}`));
    mkdirSync(join(repo, 'register/complaints/x `@everyone` #1'));
    writeFileSync(
      join(repo, 'register/complaints/x `@everyone` #1/KL-2026-0095.md'),
      text.replace('KL-2026-0006', 'KL-2026-0095'),
    );
    git('add', '.');
    git('commit', '-qm', 'namen');
    const result = klachten(['pr-report', '--base', 'main', '--today', TODAY], { cwd: repo });
    expect(result.code).toBe(0);
    const report = result.stdout;
    expect(liveMentions(report)).toEqual([]);
    expect(report).not.toMatch(/^#+ .*Kop/m);
    expect(report).not.toMatch(/(^|\s)#1\b/);
    expect(report).not.toContain('everyone`');
    expect(report).toContain('3 bestanden in deze pull request heten niet <id>.md');
    expect(report).not.toMatch(/[\p{Cc}\p{Cf}](?<!\n)/u);
  });

  it('3b: a handler that is not a login is never shown; a login is shown without a mention', () => {
    const file = join(repo, 'register/complaints/2026/KL-2026-0006.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('handler: behandelaar-b', 'handler: 06-12345678'));
    const other = join(repo, 'register/complaints/2026/KL-2026-0011.md');
    writeFileSync(other, `${readFileSync(other, 'utf8')}\n`);
    git('commit', '-qam', 'behandelaar');
    const report = klachten(['pr-report', '--base', 'main', '--today', TODAY], { cwd: repo }).stdout;
    expect(report).not.toContain('12345678');
    expect(report).toContain('behandelaar niet toewijsbaar (zie het dossier)');
    expect(report).toContain('behandelaar `coord-voorbeeld`');
    expect(report).not.toMatch(/(^|[^\w`])@[A-Za-z0-9]/);
  });
});
