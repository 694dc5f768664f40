import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { markerKey } from '../../core/index.ts';
import { personalValues } from '../builders.ts';
import { FakeGitHub, type FakeIssue } from '../github/fake-github.ts';
import { klachten, klachtenAsync, scratchProject, type CliResult } from './run-cli.ts';

const TODAY = '2026-11-21';
const FILE = 'register/complaints/2026/KL-2026-0006.md';
const KEY = 'KL-2026-0006/stap/ontvangstbevestiging';
const STAFF = ['behandelaar-a', 'behandelaar-b', 'coord-voorbeeld', 'medewerker-x'];

let github: FakeGitHub;
let dir: string;
let events = 0;
/** Everything the runs printed, and the outputs they set, for the privacy check. */
let printed: string[];

beforeEach(async () => {
  github = await new FakeGitHub().start();
  for (const login of STAFF) github.assignable.add(login);
  github.roles.set('behandelaar-b', 'write');
  github.roles.set('coord-voorbeeld', 'maintain');
  github.roles.set('directie-demo', 'admin');
  github.roles.set('lezer-demo', 'read');
  github.roles.set('triage-demo', 'triage');
  dir = scratchProject();
  printed = [];
  // The issues as the daily check makes them: their bodies end in the register's marker.
  const sync = await klachtenAsync(['sync', '--today', TODAY], { cwd: dir, env: github.env() });
  expect(sync.code).toBe(0);
});

afterEach(async () => {
  await github.close();
});

function issueOf(key: string): FakeIssue {
  const issue = github.issues.find((i) => markerKey(i.body) === key);
  if (!issue) throw new Error(`no issue for ${key}`);
  return issue;
}

/** A GitHub user as the payload shows one. */
function user(login: string, type: 'User' | 'Bot' = 'User'): Record<string, unknown> {
  return {
    login,
    id: 1000 + login.length,
    node_id: 'MDQ6VXNlcjE=',
    avatar_url: `https://avatars.github.example/u/${login}`,
    html_url: `https://github.example/${login}`,
    type,
    site_admin: false,
  };
}

/**
 * An `issue_comment` payload shaped like GitHub's documented one (webhook "issue_comment"), written to
 * a file as GITHUB_EVENT_PATH is. A pull request's issue carries `pull_request`; an issue does not.
 */
function eventFile(
  issue: Pick<FakeIssue, 'number' | 'title' | 'body' | 'labels'> & { pull_request?: boolean },
  body: string,
  options: { login?: string; action?: 'created' | 'edited' | 'deleted'; association?: string; type?: 'User' | 'Bot' } = {},
): string {
  const login = options.login ?? 'behandelaar-b';
  const repo = 'https://api.github.example/repos/voorbeeld-bv/klachten';
  const payload = {
    action: options.action ?? 'created',
    ...(options.action === 'edited' ? { changes: { body: { from: '/gedaan 2026-11-19' } } } : {}),
    issue: {
      url: `${repo}/issues/${issue.number}`,
      repository_url: repo,
      labels_url: `${repo}/issues/${issue.number}/labels{/name}`,
      comments_url: `${repo}/issues/${issue.number}/comments`,
      html_url: `https://github.example/voorbeeld-bv/klachten/issues/${issue.number}`,
      id: 2000 + issue.number,
      node_id: 'I_kwDOAbc123',
      number: issue.number,
      title: issue.title,
      user: user('github-actions[bot]', 'Bot'),
      labels: issue.labels.map((name, id) => ({
        id: 500 + id,
        node_id: 'LA_kwDOAbc',
        url: `${repo}/labels/${name}`,
        name,
        color: 'ededed',
        default: false,
        description: null,
      })),
      state: 'open',
      locked: false,
      assignee: null,
      assignees: [],
      milestone: null,
      comments: 0,
      created_at: '2026-11-21T06:37:12Z',
      updated_at: '2026-11-21T09:12:40Z',
      closed_at: null,
      author_association: 'NONE',
      active_lock_reason: null,
      ...(issue.pull_request === true
        ? {
            draft: false,
            pull_request: {
              url: `${repo}/pulls/${issue.number}`,
              html_url: `https://github.example/voorbeeld-bv/klachten/pull/${issue.number}`,
              diff_url: `https://github.example/voorbeeld-bv/klachten/pull/${issue.number}.diff`,
              patch_url: `https://github.example/voorbeeld-bv/klachten/pull/${issue.number}.patch`,
              merged_at: null,
            },
          }
        : {}),
      body: issue.body,
      reactions: { url: `${repo}/issues/${issue.number}/reactions`, total_count: 0, '+1': 0, '-1': 0 },
      timeline_url: `${repo}/issues/${issue.number}/timeline`,
      performed_via_github_app: null,
      state_reason: null,
    },
    comment: {
      url: `${repo}/issues/comments/9001`,
      html_url: `https://github.example/voorbeeld-bv/klachten/issues/${issue.number}#issuecomment-9001`,
      issue_url: `${repo}/issues/${issue.number}`,
      id: 9001,
      node_id: 'IC_kwDOAbc',
      user: user(login, options.type),
      created_at: '2026-11-21T09:12:40Z',
      updated_at: '2026-11-21T09:12:40Z',
      author_association: options.association ?? 'MEMBER',
      body,
      reactions: { url: `${repo}/issues/comments/9001/reactions`, total_count: 0, '+1': 0, '-1': 0 },
      performed_via_github_app: null,
    },
    repository: {
      id: 123456,
      node_id: 'R_kgDOAbc',
      name: 'klachten',
      full_name: 'voorbeeld-bv/klachten',
      private: true,
      owner: { ...user('voorbeeld-bv'), type: 'Organization' },
      html_url: 'https://github.example/voorbeeld-bv/klachten',
      default_branch: 'main',
      visibility: 'private',
    },
    organization: { login: 'voorbeeld-bv', id: 77, node_id: 'O_kgDOAbc' },
    sender: user(login, options.type),
  };
  events += 1;
  const path = join(dir, `event-${events}.json`);
  writeFileSync(path, JSON.stringify(payload, null, 2));
  return path;
}

/** Runs `klachten comment` on an event; returns the run and the outputs it set. */
async function comment(event: string, args: string[] = []): Promise<CliResult & { outputs: Record<string, string> }> {
  const output = join(dir, `output-${events}.txt`);
  writeFileSync(output, '');
  const result = await klachtenAsync(['comment', event, '--today', TODAY, ...args], {
    cwd: dir,
    env: github.env({ GITHUB_OUTPUT: output, GITHUB_RUN_ID: '4711' }),
  });
  printed.push(result.stdout, result.stderr);
  const outputs = Object.fromEntries(
    readFileSync(output, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => line.split('=') as [string, string]),
  );
  return { ...result, outputs };
}

/** Every file of the register with its text. */
function snapshot(): Map<string, string> {
  const root = join(dir, 'register');
  return new Map(
    readdirSync(root, { recursive: true })
      .map(String)
      .filter((name) => name.endsWith('.md'))
      .map((name) => [name, readFileSync(join(root, name), 'utf8')]),
  );
}

/** The comments the command added (the sync's own are not on the step issues yet). */
function replies(issue: FakeIssue): string[] {
  return issue.comments.map((c) => c.body);
}

describe('klachten comment: a step done from its issue', () => {
  it('records /gedaan 2026-11-20 by a writer exactly as klachten record does, replies with the pull request, and the sync closes the issue', async () => {
    const issue = issueOf(KEY);
    const event = eventFile(issue, '/gedaan 2026-11-20');
    const result = await comment(event);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.outputs).toEqual({
      changed: 'true',
      id: 'KL-2026-0006',
      step: 'ontvangstbevestiging',
      date: '2026-11-20',
      branch: 'stap-KL-2026-0006-ontvangstbevestiging',
    });
    expect(result.stdout).toContain('KL-2026-0006: ontvangstbevestiging vastgelegd op 2026-11-20');
    // The same bytes as klachten record writes on another copy.
    const other = scratchProject();
    expect(
      klachten(['record', 'KL-2026-0006', 'ontvangstbevestiging', '--on', '2026-11-20', '--today', TODAY], { cwd: other }).code,
    ).toBe(0);
    expect(readFileSync(join(dir, FILE), 'utf8')).toBe(readFileSync(join(other, FILE), 'utf8'));
    // The permission was asked of GitHub; no reply before the change is on GitHub.
    expect(github.requests.some((r) => r.path === '/repos/voorbeeld-bv/klachten/collaborators/behandelaar-b/permission')).toBe(
      true,
    );
    expect(replies(issue)).toEqual([]);

    // The workflow pushed the branch and opened the pull request: the reply names it.
    const done = await comment(event, ['--pull-request', 'https://github.example/voorbeeld-bv/klachten/pull/31']);
    expect(done.code).toBe(0);
    expect(replies(issue)).toEqual([
      'Vastgelegd: `ontvangstbevestiging` op vr 20 nov 2026 voor KL-2026-0006; de pull request #31 zet het in het register. Na het samenvoegen sluit de dagelijkse controle dit issue.',
    ]);

    // Once it is on main, the daily check closes the issue.
    const sync = await klachtenAsync(['sync', '--today', TODAY], { cwd: dir, env: github.env() });
    expect(sync.code).toBe(0);
    expect(issueOf(KEY)).toMatchObject({ state: 'closed', state_reason: 'completed' });
  });

  it('/gedaan alone records today; a maintainer may, and a direct commit on main gets its own reply', async () => {
    const issue = issueOf(KEY);
    const event = eventFile(issue, '  /gedaan\n', { login: 'coord-voorbeeld' });
    const result = await comment(event);
    expect(result.code).toBe(0);
    expect(result.outputs.changed).toBe('true');
    expect(result.outputs.date).toBe(TODAY);
    expect(readFileSync(join(dir, FILE), 'utf8')).toMatch(/^steps:\n {2}ontvangstbevestiging: 2026-11-21$/m);
    const sha = 'a'.repeat(40);
    expect((await comment(event, ['--commit', sha])).code).toBe(0);
    expect(replies(issue)).toEqual([
      `Vastgelegd: \`ontvangstbevestiging\` op za 21 nov 2026 voor KL-2026-0006, direct op main (${sha}). De dagelijkse controle sluit dit issue bij de volgende run.`,
    ]);
  });

  it('accepts the issue step named after the date, and an admin', async () => {
    const result = await comment(eventFile(issueOf(KEY), '/gedaan 2026-11-19 ontvangstbevestiging', { login: 'directie-demo' }));
    expect(result.code).toBe(0);
    expect(result.outputs.date).toBe('2026-11-19');
  });

  it.each([
    ['lezer-demo', 'read'],
    ['triage-demo', 'triage'],
    ['buitenstaander', 'no access'],
  ])('refuses %s (%s) politely, naming nobody and repeating nothing, and changes nothing', async (login) => {
    const before = snapshot();
    const issue = issueOf(KEY);
    const result = await comment(eventFile(issue, '/gedaan 2026-11-20', { login, association: 'CONTRIBUTOR' }));
    expect(result.code).toBe(0);
    expect(result.outputs).toEqual({ changed: 'false' });
    expect(snapshot()).toEqual(before);
    expect(replies(issue)).toEqual([
      'Dank u voor uw reactie. Een stap vastleggen met `/gedaan` kan alleen wie schrijfrechten heeft op deze repository; er is niets vastgelegd. Vraag de behandelaar of een collega met schrijfrechten om het te doen.',
    ]);
    expect(replies(issue).join('')).not.toContain(login);
    expect(result.stdout + result.stderr).not.toContain(login);
  });

  it.each([
    ['/gedaan morgen', 'verstaat alleen `/gedaan` (vandaag), `/gedaan JJJJ-MM-DD` of `/gedaan JJJJ-MM-DD <stap>`'],
    ['/gedaan 2026-11-20 rm -rf /', 'verstaat alleen'],
    ['/gedaan 2026-11-20\nKees Fantasie belde terug', 'verstaat alleen'],
    ['/gedaan  2026-11-20', 'verstaat alleen'],
    ['/gedaan 20-11-2026', 'verstaat alleen'],
    ['/gedaan 2026-02-30', 'geen bestaande datum'],
    ['/gedaan 2026-11-22', 'Niet vastgelegd: zo 22 nov 2026 ligt na vandaag (za 21 nov 2026)'],
    ['/gedaan 2026-11-09', 'Niet vastgelegd: ma 9 nov 2026 ligt vóór de ontvangst van de klacht'],
    ['/gedaan 2026-11-20 behandeling', 'dit issue gaat over de stap `ontvangstbevestiging`'],
  ])('refuses %j with a reply saying why, and changes nothing', async (body, reason) => {
    const before = snapshot();
    const issue = issueOf(KEY);
    const result = await comment(eventFile(issue, body));
    // Only a date the register refuses (before the receipt) has a finding in the log, as record prints it.
    if (!body.endsWith('2026-11-09')) expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.outputs).toEqual({ changed: 'false' });
    expect(snapshot()).toEqual(before);
    expect(replies(issue)).toHaveLength(1);
    expect(replies(issue)[0]).toContain(reason);
    expect(replies(issue)[0]).toMatch(/^Niet vastgelegd: /);
    // The comment's own words never come back.
    for (const word of ['morgen', 'rm -rf', 'Kees', 'behandeling', '20-11-2026', '2026-02-30'])
      if (body.includes(word)) expect(`${replies(issue)[0] ?? ''}${result.stdout}${result.stderr}`).not.toContain(word);
  });

  it('refuses a step already in the register, and /gedaan on an issue that is not about a step', async () => {
    const issue = issueOf(KEY);
    expect((await comment(eventFile(issue, '/gedaan 2026-11-18'))).outputs.changed).toBe('true');
    const again = await comment(eventFile(issue, '/gedaan 2026-11-20'));
    expect(again.outputs).toEqual({ changed: 'false' });
    expect(readFileSync(join(dir, FILE), 'utf8')).toContain('ontvangstbevestiging: 2026-11-18');
    expect(replies(issue).at(-1)).toBe(
      'Niet vastgelegd: `ontvangstbevestiging` staat voor KL-2026-0006 al in het register, op wo 18 nov 2026. Een andere datum wijzigt u in een pull request (`klachten record`); dit issue sluit bij de volgende dagelijkse controle.',
    );

    const measure = issueOf('KL-2026-0011/maatregel/1');
    const before = snapshot();
    const result = await comment(eventFile(measure, '/gedaan 2026-11-20'));
    expect(result.outputs).toEqual({ changed: 'false' });
    expect(snapshot()).toEqual(before);
    expect(replies(measure).at(-1)).toMatch(/^Niet vastgelegd: `\/gedaan` werkt alleen bij een issue over een te late stap/);
  });

  it('ignores, without a reply or a change: an edited comment, a pull request comment, an issue without the marker or the label, another comment, a bot', async () => {
    const issue = issueOf(KEY);
    const unmarked = github.addIssue({
      title: 'Vraag over KL-2026-0006',
      body: 'Is dit al gedaan?',
      labels: ['klachtenregister'],
    });
    const unlabelled = { ...issue, number: 99, labels: [] };
    const cases: [string, string][] = [
      [eventFile(issue, '/gedaan 2026-11-20', { action: 'edited' }), "actie 'edited'"],
      [eventFile({ ...issue, pull_request: true }, '/gedaan 2026-11-20'), 'pull request'],
      [eventFile(unmarked, '/gedaan 2026-11-20'), 'geen markering'],
      [eventFile(unlabelled, '/gedaan 2026-11-20'), 'label'],
      [eventFile(issue, 'Ik heb gebeld; /gedaan 2026-11-20'), 'geen /gedaan'],
      [eventFile(issue, '/gedaanx'), 'geen /gedaan'],
      [eventFile(issue, '/gedaan 2026-11-20', { login: 'github-actions[bot]', type: 'Bot' }), 'bot'],
    ];
    const before = snapshot();
    const requests = github.requests.length;
    for (const [event, reason] of cases) {
      const result = await comment(event);
      expect(result.code, reason).toBe(0);
      expect(result.stdout, reason).toContain(`genegeerd: `);
      expect(result.stdout, reason).toContain(reason);
      expect(result.outputs, reason).toEqual({ changed: 'false' });
    }
    expect(snapshot()).toEqual(before);
    // Not even the permission was asked.
    expect(github.requests.length).toBe(requests);
    expect(replies(issue)).toEqual([]);
  });

  it('sends nothing personal from the complaint file to GitHub, to the log or to the outputs', async () => {
    const issue = issueOf(KEY);
    await comment(eventFile(issue, '/gedaan 2026-11-20 Kees Fantasie'));
    await comment(eventFile(issue, '/gedaan 2026-11-20', { login: 'lezer-demo' }));
    await comment(eventFile(issue, '/gedaan 2026-11-09'));
    const event = eventFile(issue, '/gedaan 2026-11-20');
    await comment(event);
    await comment(event, ['--pull-request', '31']);
    await comment(event, ['--failed']);
    const outputs = readdirSync(dir)
      .filter((name) => name.startsWith('output-'))
      .map((name) => readFileSync(join(dir, name), 'utf8'));
    const sent = [...github.requests.map((r) => `${r.path}\n${r.body}`), ...printed, ...outputs].join('\n');
    const personal = personalValues(join(dir, 'register'));
    expect(personal).toContain('Kees Fantasie');
    for (const value of personal) expect(sent).not.toContain(value);
    expect(replies(issue).at(-1)).toBe(
      'Niet vastgelegd: de stap kon niet naar GitHub worden gezet; er is niets gewijzigd. De reden staat in de log van de workflow (https://github.example/voorbeeld-bv/klachten/actions/runs/4711); probeer het later opnieuw.',
    );
  });

  it('is refused in Dutch when called wrongly', async () => {
    const event = eventFile(issueOf(KEY), '/gedaan');
    const both = await comment(event, ['--pull-request', '3', '--commit', 'b'.repeat(40)]);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('geef hoogstens één van --pull-request, --commit en --failed');
    const missing = await comment(join(dir, 'geen.json'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('geen.json is niet te lezen');
  });
});
