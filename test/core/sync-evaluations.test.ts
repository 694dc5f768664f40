import { describe, expect, it } from 'vitest';
import {
  addEvaluationDuties,
  desiredState,
  marker,
  planSync,
  type Evaluation,
  type EvaluationRecord,
  type ExistingIssue,
  type IsoDate,
  type SyncState,
} from '../../core/index.ts';
import { makeRegulationSet } from '../builders.ts';

const links = { file: (path: string) => path };
// The test regulation (slug `test`) wants the evaluation of 2025 approved by 31 March 2026.
const regulations = makeRegulationSet();
const APPROVAL = 'evaluatie/test/2025/goedkeuring';

function record(overrides: Partial<Evaluation> = {}): EvaluationRecord {
  return {
    file: 'register/evaluations/test/2025.md',
    evaluation: { organisation: 'test', year: 2025, conclusions: ['Verzonnen conclusie.'], actions: [], ...overrides },
    body: 'Verzonnen toelichting.\n',
  };
}

function duties(
  today: IsoDate,
  evaluations: EvaluationRecord[],
  options: { unreadable?: string[]; years?: number[] } = {},
): SyncState {
  const state = desiredState([], [], links);
  addEvaluationDuties(
    state,
    {
      regulations,
      years: new Map([['test', new Set(options.years ?? [2025])]]),
      evaluations,
      unreadable: new Set(options.unreadable ?? []),
      today,
    },
    links,
  );
  return state;
}

function existing(key: string, overrides: Partial<ExistingIssue> = {}): ExistingIssue {
  return { number: 7, title: 'oud', body: `tekst\n\n${marker(key)}`, state: 'open', assignees: [], ...overrides };
}

const approved = { by: 'directie', on: '2026-03-20' };
const action = { description: 'Verzonnen verbeteractie zonder namen', owner: 'actienemer-a', due: '2026-06-30' };

describe('addEvaluationDuties', () => {
  it('wants an issue, assigned to nobody, for an evaluation not approved after its due date', () => {
    const state = duties('2026-04-01', [record()]);
    const issue = state.desired.get(APPROVAL);
    expect(issue).toMatchObject({ key: APPROVAL, assignees: [] });
    expect(issue?.title).toBe('Evaluatie 2025 test niet goedgekeurd (uiterlijk 31-03-2026)');
    expect(issue?.body).toContain('concept in [`register/evaluations/test/2025.md`](register/evaluations/test/2025.md)');
    expect(issue?.body.endsWith(marker(APPROVAL))).toBe(true);
    expect(planSync(state, []).actions).toEqual([expect.objectContaining({ kind: 'create', key: APPROVAL })]);
  });

  it('also wants it when a year with complaints has no evaluation at all, pointing to --draft', () => {
    const state = duties('2026-04-01', []);
    expect(state.desired.get(APPROVAL)?.body).toContain('klachten evaluate --year 2025 --organisation test --draft');
  });

  it('settles the approval of an approved evaluation, and closes its issue with the date', () => {
    const state = duties('2026-04-01', [record({ approval: approved })]);
    expect(state.desired.has(APPROVAL)).toBe(false);
    expect(state.settled.get(APPROVAL)).toBe('De evaluatie is goedgekeurd op vr 20 mrt 2026.');
    expect(planSync(state, [existing(APPROVAL)]).actions).toEqual([
      expect.objectContaining({ kind: 'close', key: APPROVAL, number: 7, reason: 'completed' }),
    ]);
  });

  it('settles an evaluation not approved until after its due date, the due date itself included', () => {
    for (const today of ['2026-01-15', '2026-03-31'] as const) {
      const state = duties(today, [record()]);
      expect(state.desired.has(APPROVAL), today).toBe(false);
      expect(state.settled.get(APPROVAL), today).toBe('De evaluatie hoeft pas uiterlijk di 31 mrt 2026 goedgekeurd te zijn.');
    }
    // The day after, it is late.
    expect(duties('2026-04-01', [record()]).desired.has(APPROVAL)).toBe(true);
  });

  it('wants an issue for an overdue improvement action, numbered in file order and assigned to its owner', () => {
    const state = duties('2026-07-01', [
      record({
        approval: approved,
        actions: [{ description: 'Eerste verzonnen actie', owner: 'actienemer-b', due: '2026-09-30' }, action],
      }),
    ]);
    const key = 'evaluatie/test/2025/actie/2';
    expect(state.desired.get(key)).toMatchObject({ key, assignees: ['actienemer-a'] });
    expect(state.desired.get(key)?.title).toBe('Evaluatie 2025 test · verbeteractie 2 te laat (uiterlijk 30-06-2026)');
    expect(state.desired.get(key)?.body).toContain('| Actienemer | @actienemer-a |');
    // The first one is not due yet.
    expect(state.desired.has('evaluatie/test/2025/actie/1')).toBe(false);
    expect(state.settled.get('evaluatie/test/2025/actie/1')).toBe(
      'De verbeteractie is niet meer te laat: uiterlijk wo 30 sep 2026.',
    );
    const plan = planSync(state, []);
    expect(plan.actions).toEqual([
      expect.objectContaining({
        kind: 'create',
        key,
        issue: expect.objectContaining({ assignees: ['actienemer-a'] }) as unknown,
      }),
    ]);
  });

  it('is not late on the due date of an action itself', () => {
    const state = duties('2026-06-30', [record({ approval: approved, actions: [action] })]);
    expect(state.desired.has('evaluatie/test/2025/actie/1')).toBe(false);
  });

  it('settles a done action, even one done late, and closes its issue', () => {
    const key = 'evaluatie/test/2025/actie/1';
    const state = duties('2026-08-01', [record({ approval: approved, actions: [{ ...action, done: '2026-07-10' }] })]);
    expect(state.desired.has(key)).toBe(false);
    expect(state.settled.get(key)).toBe('De verbeteractie is uitgevoerd op vr 10 jul 2026.');
    expect(planSync(state, [existing(key, { assignees: ['actienemer-a'] })]).actions).toEqual([
      expect.objectContaining({ kind: 'close', key, comment: 'De verbeteractie is uitgevoerd op vr 10 jul 2026.' }),
    ]);
  });

  it('keeps the open issues of an evaluation file that could not be read', () => {
    const action1 = 'evaluatie/test/2025/actie/1';
    const state = duties('2026-08-01', [], { unreadable: ['test/2025'] });
    expect(state.desired.has(APPROVAL)).toBe(false);
    expect(state.settled.has(APPROVAL)).toBe(false);
    const plan = planSync(state, [existing(APPROVAL, { number: 3 }), existing(action1, { number: 4 })]);
    expect(plan.actions).toEqual([]);
    expect(plan.kept).toEqual([
      { number: 3, key: APPROVAL },
      { number: 4, key: action1 },
    ]);
  });

  it('closes the open issue of an action that a readable evaluation no longer has', () => {
    const gone = 'evaluatie/test/2025/actie/2';
    const state = duties('2026-08-01', [record({ approval: approved, actions: [{ ...action, done: '2026-06-01' }] })]);
    const plan = planSync(state, [existing(gone, { number: 12 })]);
    expect(plan.kept).toEqual([]);
    expect(plan.actions).toEqual([
      expect.objectContaining({
        kind: 'close',
        key: gone,
        number: 12,
        comment: 'De evaluatie heeft deze verbeteractie of dit jaar niet (meer).',
      }),
    ]);
  });
});
