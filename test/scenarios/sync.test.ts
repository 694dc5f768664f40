import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { markerKey } from '../../core/index.ts';
import { personalValues, SAMPLE_STAFF } from '../builders.ts';
import { FakeGitHub, type FakeIssue } from '../github/fake-github.ts';
import { klachten, klachtenAsync, scratchProject } from './run-cli.ts';

const TODAY = '2026-11-21';
const STAFF = SAMPLE_STAFF;

/** The overdue steps and measures of the sample register on TODAY, as `status --json` reports them. */
const OVERDUE_KEYS = [
  'KL-2026-0002/stap/behandeling',
  'KL-2026-0006/stap/ontvangstbevestiging',
  'KL-2026-0011/maatregel/1',
  'KL-2026-0011/stap/acties-uitgevoerd',
  'KL-2026-0014/stap/schriftelijke-afhandeling',
  'KL-2026-0018/stap/aanbod',
  'KL-2026-0019/stap/verslag',
  // From the evaluations: an improvement action of 2024 past its due date. Re-integratiedienst's 2025
  // evaluation is still a draft, but its regulation evaluates periodically and sets no due date: no issue.
  'evaluatie/mvz/2024/actie/2',
];

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

function sync(args: string[] = [], env: Record<string, string> = {}) {
  return klachtenAsync(['sync', '--today', TODAY, ...args], { cwd: dir, env: github.env(env) });
}

function openByKey(): Map<string, FakeIssue> {
  const byKey = new Map<string, FakeIssue>();
  for (const issue of github.issues.filter((i) => i.state === 'open')) {
    const key = markerKey(issue.body);
    expect(key, `#${issue.number} has a marker`).toBeDefined();
    expect(byKey.has(key ?? ''), `one open issue for ${key ?? ''}`).toBe(false);
    byKey.set(key ?? '', issue);
  }
  return byKey;
}

/** Every key has exactly one issue, open or closed: nothing duplicated. */
function expectNoDuplicates(): void {
  const keys = github.issues.map((i) => markerKey(i.body));
  expect(new Set(keys).size).toBe(keys.length);
}

function edit(file: string, change: (text: string) => string): void {
  const path = join(dir, file);
  writeFileSync(path, change(readFileSync(path, 'utf8')));
}

describe('klachten sync', () => {
  it('opens one issue per overdue step and measure, assigned to the handler, and a second run writes nothing', async () => {
    github.maxPageSize = 3; // the listing takes three pages
    const first = await sync();
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const open = openByKey();
    expect([...open.keys()].sort()).toEqual([...OVERDUE_KEYS, 'termijnen-deze-week'].sort());
    expect(open.get('KL-2026-0006/stap/ontvangstbevestiging')).toMatchObject({
      title: 'KL-2026-0006 · ontvangstbevestiging te laat (uiterlijk 17-11-2026)',
      assignees: ['behandelaar-b'],
      labels: ['klachtenregister'],
    });
    expect(open.get('KL-2026-0011/maatregel/1')).toMatchObject({
      title: 'KL-2026-0011 · maatregel 1 te laat (uiterlijk 06-11-2026)',
      assignees: ['medewerker-x'],
    });
    expect(open.get('KL-2026-0011/stap/acties-uitgevoerd')?.assignees).toEqual(['coord-voorbeeld']);
    const digest = open.get('termijnen-deze-week');
    expect(digest?.title).toBe('Termijnen deze week');
    expect(digest?.body).toContain(
      '| di 24 nov 2026 | KL-2026-0006 | Schriftelijk voortgangsbericht (`voortgangsbericht`) | @behandelaar-b |',
    );
    const body = open.get('KL-2026-0006/stap/ontvangstbevestiging')?.body ?? '';
    expect(body).toContain('register/complaints/2026/KL-2026-0006.md');
    expect(body).toContain('klachten record KL-2026-0006 ontvangstbevestiging --on JJJJ-MM-DD');
    expect(first.stdout).toContain('9 van 9 wijzigingen gedaan');

    // The first run: one listing (nothing yet), the assignees (8 in pages of 3), 9 creates. The rerun
    // reads 9 issues in pages of 3 and writes nothing.
    expect(github.requests.map((r) => r.method)).toEqual([...Array<string>(4).fill('GET'), ...Array<string>(9).fill('POST')]);
    const before = github.requests.length;
    const second = await sync();
    expect(second.code).toBe(0);
    const rerun = github.requests.slice(before);
    expect(rerun.every((r) => r.method === 'GET')).toBe(true);
    expect(rerun.map((r) => r.path.replace(/\?.*/, ''))).toEqual(Array(3).fill('/repos/voorbeeld-bv/klachten/issues'));
    expect(second.stdout).toContain('Plan: niets te wijzigen.');
    expect(second.stdout).toContain('3 verzoeken aan GitHub (3 lezen, 0 schrijven)');
  });

  it('follows an extension, a step done and a step overdue again: update, close, reopen', async () => {
    expect((await sync()).code).toBe(0);
    const issue = (key: string) => [...openByKey().values(), ...github.issues].find((i) => markerKey(i.body) === key);

    // KL-2026-0006's acknowledgement was due 17-11; the clock stood still for two working days, so it
    // is still overdue: the title follows.
    edit('register/complaints/2026/KL-2026-0006.md', (text) =>
      text.replace(/^---\n/, '---\nsuspensions:\n  - from: 2026-11-12\n    to: 2026-11-13\n    reason: Verzonnen reden\n'),
    );
    // KL-2026-0002's treatment is done.
    expect(klachten(['record', 'KL-2026-0002', 'behandeling', '--on', '2026-11-20', '--today', TODAY], { cwd: dir }).code).toBe(
      0,
    );
    // KL-2026-0018's offer gets four weeks more: no longer overdue today.
    edit('register/complaints/2026/KL-2026-0018.md', (text) =>
      text.replace(
        /^---\n/,
        '---\nextensions:\n  - step: aanbod\n    amount: 4\n    unit: weeks\n    reason: Verzonnen reden\n    notified: 2026-10-30\n',
      ),
    );

    const run = await sync();
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(issue('KL-2026-0006/stap/ontvangstbevestiging')).toMatchObject({
      state: 'open',
      title: 'KL-2026-0006 · ontvangstbevestiging te laat (uiterlijk 19-11-2026)',
    });
    const done = issue('KL-2026-0002/stap/behandeling');
    expect(done).toMatchObject({ state: 'closed', state_reason: 'completed' });
    expect(done?.comments.map((c) => c.body)).toEqual([
      'De stap is gedaan op vr 20 nov 2026, na de termijn (uiterlijk ma 16 nov 2026).',
    ]);
    const extended = issue('KL-2026-0018/stap/aanbod');
    expect(extended?.state).toBe('closed');
    expect(extended?.comments[0]?.body).toMatch(/^De stap is niet meer te laat: de termijn loopt nu tot ma 30 nov 2026/);

    // Two weeks later the extended offer is overdue again: its issue reopens with the new date.
    const later = await klachtenAsync(['sync', '--today', '2026-12-04'], { cwd: dir, env: github.env() });
    expect(later.code).toBe(0);
    const reopened = issue('KL-2026-0018/stap/aanbod');
    expect(reopened).toMatchObject({ state: 'open', title: 'KL-2026-0018 · aanbod te laat (uiterlijk 30-11-2026)' });
    expect(reopened?.comments.at(-1)?.body).toBe('Weer open: KL-2026-0018 · aanbod te laat (uiterlijk 30-11-2026).');
    expect(later.stdout).toMatch(/heropenen +#\d+ KL-2026-0018 · aanbod/);
    expectNoDuplicates();
  });

  it('sends nothing personal from the register to GitHub, nor to its log', async () => {
    const summary = join(dir, 'summary.md');
    const first = await sync([], { GITHUB_STEP_SUMMARY: summary });
    expect(first.code).toBe(0);
    edit('register/complaints/2026/KL-2026-0002.md', (text) =>
      text.replace(/^---\n/, '---\nclosed: 2026-11-20\noutcome: ongegrond\n'),
    );
    const second = await sync([], { GITHUB_STEP_SUMMARY: summary });
    const sent = [
      ...github.requests.map((r) => `${r.path}\n${r.body}`),
      first.stdout,
      first.stderr,
      second.stdout,
      second.stderr,
      readFileSync(summary, 'utf8'),
    ].join('\n');
    const personal = personalValues(join(dir, 'register'));
    expect(personal.length).toBeGreaterThan(40);
    for (const value of personal) expect(sent).not.toContain(value);
    // Staff notes, reasons and measure descriptions are personal too.
    expect(personal).toContain('Ontbrekende afspraken alsnog inplannen');
  });

  it('rides out 5xx answers and rate limits, and converges after a run that failed halfway', async () => {
    const create = /^POST \/repos\/[^/]+\/[^/]+\/issues$/;
    github.faults = [
      { match: /^GET \/repos\/[^/]+\/[^/]+\/issues\?/, kind: 'server-error', times: 1 },
      { match: /^GET \/repos\/[^/]+\/[^/]+\/assignees/, kind: 'rate-limit', times: 1 },
      // The first create meets the secondary limit and is sent again; the second create is made but its
      // answer is lost (a create is not sent twice); the third fails outright.
      { match: create, kind: 'secondary-rate-limit', times: 1 },
      { match: create, kind: 'bad-gateway-after-write', times: 1, after: 2 },
      { match: create, kind: 'server-error', times: 1, after: 3 },
    ];
    const first = await sync();
    expect(first.code).toBe(1);
    expect(first.stderr).toContain('secundaire limiet bereikt');
    expect(first.stderr).toContain('limiet van het aantal verzoeken bereikt');
    expect(first.stderr).toMatch(/aanmaken van KL-\S+ · \S+ te laat .* mislukt: GitHub antwoordt 502/);
    expect(github.issues.length).toBe(8); // 9 wanted, one refused; the lost answer was not sent twice
    expectNoDuplicates();

    const second = await sync();
    expect(second.stderr).toBe('');
    expect(second.code).toBe(0);
    expect([...openByKey().keys()].sort()).toEqual([...OVERDUE_KEYS, 'termijnen-deze-week'].sort());
    expectNoDuplicates();
  });

  it('converges after a run killed halfway: no duplicates, nothing missing', async () => {
    const killed = await klachtenAsync(['sync', '--today', TODAY], {
      cwd: dir,
      env: github.env(),
      started: (child) => {
        github.onWrite = (writes) => {
          if (writes === 3) child.kill('SIGKILL');
        };
      },
    });
    expect(killed.code).toBe(null);
    expect(github.issues.length).toBeGreaterThanOrEqual(3);
    expect(github.issues.length).toBeLessThan(9);
    github.onWrite = undefined;
    const rerun = await sync();
    expect(rerun.code).toBe(0);
    expect([...openByKey().keys()].sort()).toEqual([...OVERDUE_KEYS, 'termijnen-deze-week'].sort());
    expectNoDuplicates();
  });

  it('keeps the issues of a complaint file it cannot read, finishes the others and names the file', async () => {
    expect((await sync()).code).toBe(0);
    const before = JSON.stringify(github.issues.find((i) => markerKey(i.body) === 'KL-2026-0014/stap/schriftelijke-afhandeling'));
    edit('register/complaints/2026/KL-2026-0014.md', (text) => text.replace('received:', 'received: [kapot'));
    // KL-2026-0002 disappears from the register (moved out by mistake, say): with a broken file
    // around, its issue is not closed either.
    rmSync(join(dir, 'register/complaints/2026/KL-2026-0002.md'));
    expect(
      klachten(['record', 'KL-2026-0006', 'ontvangstbevestiging', '--on', '2026-11-20', '--today', TODAY], { cwd: dir }).code,
    ).toBe(0);

    const run = await sync();
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('register/complaints/2026/KL-2026-0014.md:');
    expect(run.stderr).toContain('1 dossier met fouten (zie klachten check); zijn issues blijven zoals ze zijn');
    const open = openByKey();
    expect(JSON.stringify(open.get('KL-2026-0014/stap/schriftelijke-afhandeling'))).toBe(before);
    expect(open.has('KL-2026-0002/stap/behandeling')).toBe(true);
    expect(open.has('KL-2026-0006/stap/ontvangstbevestiging')).toBe(false);
    expect(run.stdout).toContain('Blijven staan (dossier niet te lezen)');
    expect(open.get('termijnen-deze-week')?.body).toContain('register/complaints/2026/KL-2026-0014.md');
    const closes = github.writeRequests().filter((r) => r.body.includes('"state":"closed"'));
    expect(closes).toHaveLength(1);
  });

  it('changes nothing at all while a regulation has errors', async () => {
    expect((await sync()).code).toBe(0);
    const writes = github.writeRequests().length;
    const reads = github.requests.length;
    const recorded = klachten(['record', 'KL-2026-0002', 'behandeling', '--on', '2026-11-20', '--today', TODAY], { cwd: dir });
    expect(recorded.code).toBe(0);
    edit('regulations/pit/2024-02-01.md', (text) => text.replace('extension:', 'extension: [kapot'));
    const run = await sync();
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'klachten sync: een reglement heeft fouten (regulations/pit/2024-02-01.md); er is niets gewijzigd.',
    );
    expect(github.requests.length).toBe(reads);
    expect(github.writeRequests().length).toBe(writes);
  });

  it('stops at --max-writes and carries on in the next run; --dry-run writes nothing', async () => {
    const dry = await sync(['--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('Plan (9 wijzigingen, 9 schrijfacties):');
    expect(dry.stdout).toContain('Proefrun: niets geschreven');
    expect(github.writeRequests()).toEqual([]);

    const summary = join(dir, 'summary.md');
    const limited = await sync(['--max-writes', '3'], { GITHUB_STEP_SUMMARY: summary });
    expect(limited.code).toBe(0);
    expect(readFileSync(summary, 'utf8')).toContain(
      '## Termijnen en issues\n\nTermijnen op za 21 nov 2026 voor voorbeeld-bv/klachten',
    );
    expect(readFileSync(summary, 'utf8')).toContain(
      '- aanmaken KL-2026-0002 · behandeling te laat (uiterlijk 16-11-2026) → @behandelaar-a',
    );
    expect(github.writeRequests()).toHaveLength(3);
    expect(limited.stdout).toContain('6 wijzigingen volgen bij de volgende run (--max-writes 3).');
    expect((await sync()).code).toBe(0);
    expect(openByKey().size).toBe(9);
    expectNoDuplicates();
  });

  it('leaves a handler GitHub cannot assign unassigned, with a warning that names the issue, not the value', async () => {
    github.assignable.delete('noloc-demo');
    const run = await sync();
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(
      'waarschuwing: KL-2026-0018/stap/aanbod: behandelaar niet toewijsbaar (zie het dossier) in voorbeeld-bv/klachten',
    );
    expect(run.stderr).not.toContain('noloc-demo');
    expect(openByKey().get('KL-2026-0018/stap/aanbod')?.assignees).toEqual([]);
    expect(openByKey().get('KL-2026-0018/stap/aanbod')?.body).toContain(
      '| Behandelaar | behandelaar niet toewijsbaar (zie het dossier) |',
    );
    expect(openByKey().get('KL-2026-0018/stap/aanbod')?.body).not.toContain('noloc-demo');
  });

  it('closes duplicates and ignores issues that are not its own', async () => {
    const stranger = github.addIssue({ title: 'Vraag over het reglement', labels: ['klachtenregister'], body: 'Geen marker.' });
    const pr = github.addIssue({
      title: 'PR',
      labels: ['klachtenregister'],
      pull_request: true,
      body: '<!-- klachtenregister: KL-2026-0099/stap/x -->',
    });
    expect((await sync()).code).toBe(0);
    const original = github.issues.find((i) => markerKey(i.body) === 'KL-2026-0019/stap/verslag');
    github.addIssue({ title: 'kopie', labels: ['klachtenregister'], body: original?.body ?? '' });
    const run = await sync();
    expect(run.code).toBe(0);
    expect(github.issues.at(-1)).toMatchObject({ state: 'closed', state_reason: 'not_planned' });
    expect(github.issues.at(-1)?.comments[0]?.body).toBe(`Dubbel issue: zie #${original?.number ?? 0}.`);
    expect(stranger.state).toBe('open');
    expect(pr.state).toBe('open');
  });

  it('says what to fix when the environment or the token is wrong', async () => {
    const missing = klachten(['sync', '--today', TODAY], { cwd: dir, env: { GITHUB_REPOSITORY: '', GITHUB_TOKEN: 'x' } });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('GITHUB_REPOSITORY ontbreekt');
    const badToken = await sync([], { GITHUB_TOKEN: 'verkeerd' });
    expect(badToken.code).toBe(1);
    expect(badToken.stderr).toContain('GITHUB_TOKEN wordt niet geaccepteerd (401: Bad credentials)');
    // A token without `issues: write`: the first write fails, the rest is not tried.
    github.faults = [{ match: /^(POST|PATCH) /, kind: 'forbidden', times: 100 }];
    const readOnly = await sync();
    expect(readOnly.code).toBe(1);
    expect(readOnly.stderr).toContain(
      "geen toestemming (403: Resource not accessible by integration); geef de workflow 'issues: write'",
    );
    expect(readOnly.stdout).toContain('0 van 9 wijzigingen gedaan, 8 niet geprobeerd');
    expect(github.requests.filter((r) => r.method !== 'GET')).toHaveLength(1);
    const help = klachten(['sync', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--max-writes N');
  });
});
