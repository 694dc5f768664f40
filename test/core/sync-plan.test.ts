import { describe, expect, it } from 'vitest';
import { desiredState, marker, planSync, type ExistingIssue, type StepStatus, type SyncComplaint } from '../../core/index.ts';

const links = { file: (path: string) => `https://github.example/o/r/blob/HEAD/${path}` };

function step(overrides: Partial<StepStatus>): StepStatus {
  return {
    id: 'ontvangstbevestiging',
    title: 'Ontvangstbevestiging',
    actor: 'behandelaar',
    due: '2026-03-09',
    done: null,
    status: 'overdue',
    explanation: '5 werkdagen na ontvangst op ma 2 mrt 2026',
    ...overrides,
  };
}

function complaint(steps: StepStatus[], overrides: Partial<SyncComplaint> = {}): SyncComplaint {
  return {
    id: 'KL-2026-0007',
    file: 'register/complaints/2026/KL-2026-0007.md',
    organisation: 'voorbeeld',
    regulation: 'voorbeeld@1',
    received: '2026-03-02',
    state: 'open',
    handler: 'medewerker-a',
    steps,
    measures: [],
    ...overrides,
  };
}

function existing(key: string, overrides: Partial<ExistingIssue> = {}): ExistingIssue {
  return { number: 1, title: 'oud', body: `tekst\n\n${marker(key)}`, state: 'open', assignees: [], ...overrides };
}

const KEY = 'KL-2026-0007/stap/ontvangstbevestiging';

describe('planSync', () => {
  it('creates an issue for an overdue step, with the title the issue asks for', () => {
    const plan = planSync(desiredState([complaint([step({})])], [], links), []);
    expect(plan.actions).toHaveLength(1);
    expect(plan.actions[0]).toMatchObject({
      kind: 'create',
      key: KEY,
      issue: { title: 'KL-2026-0007 · ontvangstbevestiging te laat (uiterlijk 09-03-2026)', assignees: ['medewerker-a'] },
    });
  });

  it('changes nothing when the issue matches, and keeps assignees someone added', () => {
    const state = desiredState([complaint([step({})])], [], links);
    const issue = state.desired.get(KEY);
    const plan = planSync(state, [
      existing(KEY, { title: issue?.title ?? '', body: `${issue?.body ?? ''}\r\n`, assignees: ['medewerker-a', 'collega-b'] }),
    ]);
    expect(plan).toEqual({ actions: [], unchanged: 1, kept: [] });
  });

  it('updates title, text and handler when the handler changed; others someone assigned stay', () => {
    const state = desiredState([complaint([step({})], { handler: 'medewerker-c' })], [], links);
    const body = `| Behandelaar | @medewerker-a |\n\n${marker(KEY)}`;
    const plan = planSync(state, [existing(KEY, { body, assignees: ['medewerker-a', 'collega-b'] })]);
    expect(plan.actions[0]).toMatchObject({
      kind: 'update',
      number: 1,
      changes: ['titel', 'tekst', 'behandelaar'],
      assignees: ['collega-b', 'medewerker-c'],
    });
  });

  it('compares logins without case, as GitHub keeps its own spelling', () => {
    const state = desiredState([complaint([step({})], { handler: 'Medewerker-A' })], [], links);
    const issue = state.desired.get(KEY);
    const plan = planSync(state, [
      existing(KEY, { title: issue?.title ?? '', body: issue?.body ?? '', assignees: ['medewerker-a'] }),
    ]);
    expect(plan.actions).toEqual([]);
  });

  it('reads an issue listed twice (pages shifted) as one', () => {
    const state = desiredState([complaint([step({})])], [], links);
    const issue = state.desired.get(KEY);
    const same = existing(KEY, { title: issue?.title ?? '', body: issue?.body ?? '', assignees: ['medewerker-a'] });
    expect(planSync(state, [same, { ...same }])).toEqual({ actions: [], unchanged: 1, kept: [] });
  });

  it('closes with the reason when the step is done, and puts the reason in the body', () => {
    const state = desiredState([complaint([step({ status: 'done', done: '2026-03-05' })])], [], links);
    const [action] = planSync(state, [existing(KEY)]).actions;
    expect(action).toMatchObject({ kind: 'close', reason: 'completed', comment: 'De stap is gedaan op do 5 mrt 2026.' });
    expect(action?.kind === 'close' && action.body).toBe(
      `tekst\n\n**Gesloten door de controle:** De stap is gedaan op do 5 mrt 2026.\n\n${marker(KEY)}`,
    );
  });

  it('reopens a closed issue when the step is overdue again', () => {
    const state = desiredState([complaint([step({})])], [], links);
    expect(planSync(state, [existing(KEY, { state: 'closed' })]).actions[0]).toMatchObject({ kind: 'reopen', number: 1 });
  });

  it('closes the issue of a complaint that left the register, but not while some file could not be read', () => {
    const gone = existing('KL-2026-0001/stap/behandeling', { number: 4 });
    expect(planSync(desiredState([], [], links), [gone]).actions[0]).toMatchObject({
      kind: 'close',
      comment: 'Klacht KL-2026-0001 staat niet meer in het register.',
    });
    const plan = planSync(desiredState([], ['register/complaints/2026/KL-2026-0001.md'], links), [gone]);
    expect(plan.actions.filter((a) => a.kind === 'close')).toEqual([]);
    expect(plan.kept).toEqual([{ number: 4, key: 'KL-2026-0001/stap/behandeling' }]);
  });

  it('closes open duplicates of a key and leaves issues it does not own', () => {
    const state = desiredState([complaint([step({})])], [], links);
    const issue = state.desired.get(KEY);
    const same = { title: issue?.title ?? '', body: issue?.body ?? '', assignees: ['medewerker-a'] };
    const plan = planSync(state, [
      existing(KEY, { number: 9, ...same }),
      existing(KEY, { number: 3, ...same }),
      existing('evaluatie-2026/actie/1', { number: 5 }),
      { number: 6, title: 'iets anders', body: 'geen marker', state: 'open', assignees: [] },
    ]);
    expect(plan.actions).toEqual([
      expect.objectContaining({ kind: 'close', number: 9, reason: 'not_planned', comment: 'Dubbel issue: zie #3.' }),
    ]);
  });

  it('lists steps and measures due within five working days in the digest, and closes it when there are none', () => {
    const soon = complaint([step({ status: 'due-soon', due: '2026-03-05' })], {
      measures: [{ number: 1, kind: 'preventive', owner: 'medewerker-b', due: '2026-03-04', done: null, status: 'due-soon' }],
    });
    const digest = desiredState([soon], [], links).desired.get('termijnen-deze-week');
    expect(digest?.body).toContain('| wo 4 mrt 2026 | KL-2026-0007 | maatregel 1 | @medewerker-b |');
    expect(digest?.body).toContain(
      '| do 5 mrt 2026 | KL-2026-0007 | Ontvangstbevestiging (`ontvangstbevestiging`) | @medewerker-a |',
    );
    const none = desiredState([complaint([step({ status: 'open', due: '2026-04-01' })])], [], links);
    expect(planSync(none, [existing('termijnen-deze-week')]).actions[0]).toMatchObject({ kind: 'close' });
    // Nothing to list, but a file was missed: the digest stays as it is.
    const partial = desiredState([complaint([step({ status: 'open', due: '2026-04-01' })])], ['register/x.md'], links);
    expect(planSync(partial, [existing('termijnen-deze-week')]).kept).toEqual([{ number: 1, key: 'termijnen-deze-week' }]);
  });
});
