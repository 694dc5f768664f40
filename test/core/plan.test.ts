import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, computeComplaintStatus, planProcedure, stepRule, versionInForce } from '../../core/index.ts';
import { makeComplaint, makeRegulationSet, projectRegulations } from '../builders.ts';

const version = versionInForce(makeRegulationSet(), 'test', '2026-04-01')!;
const project = projectRegulations();

describe('planProcedure (the deadline finder)', () => {
  it('gives the latest date of each step across Easter, with the reason', () => {
    const plan = planProcedure(version, '2026-04-01');
    const byId = Object.fromEntries(plan.steps.map((s) => [s.id, s]));
    expect(byId.ontvangst).toMatchObject({ due: '2026-04-01', chained: false, rule: null });
    expect(byId.bevestiging).toEqual({
      id: 'bevestiging',
      title: 'Bevestigd',
      actor: 'behandelaar',
      rule: 'binnen 5 werkdagen na ontvangst',
      condition: null,
      due: '2026-04-10',
      chained: false,
      explanation: '5 werkdagen na ontvangst op wo 1 apr 2026; Goede Vrijdag en Tweede Paasdag tellen niet mee',
    });
    expect(byId['niet-in-behandeling']).toMatchObject({
      due: '2026-04-29',
      condition: 'alleen als de klacht niet in behandeling wordt genomen',
    });
    // `opgelost` has no deadline, so the report that counts from it has no date either.
    expect(byId.opgelost).toMatchObject({ due: null, rule: null });
    expect(byId.verslag).toMatchObject({ due: null, chained: true, rule: 'binnen 2 weken na het oplossen van de klacht' });
  });

  it('chains a step to the latest date of the step it counts from', () => {
    const steps = [
      { id: 'ontvangst', title: 'Ontvangen', actor: 'team', auto: 'received' },
      { id: 'bevestiging', title: 'Bevestigd', actor: 'team', deadline: { amount: 5, unit: 'workingDays', from: 'ontvangst' } },
      { id: 'besluit', title: 'Besluit', actor: 'directie', deadline: { amount: 2, unit: 'weeks', from: 'bevestiging' } },
    ];
    const chained = versionInForce(makeRegulationSet({ steps, extension: { allowed: false } }), 'test', '2026-04-01')!;
    const byId = Object.fromEntries(planProcedure(chained, '2026-04-01').steps.map((s) => [s.id, s]));
    // From the receipt step itself the date is exact; from a step with a term it is "at the latest".
    expect(byId.bevestiging).toMatchObject({ due: '2026-04-10', chained: false });
    expect(byId.besluit).toMatchObject({ due: '2026-04-24', chained: true, rule: "binnen 2 weken na de stap 'Bevestigd'" });
  });

  it('gives the last day to submit from the end of the assignment (Organize4all: 30 working days)', () => {
    const o4a = versionInForce(project, 'organize4all', '2026-04-01')!;
    expect(planProcedure(o4a, '2026-05-01').submission).toBeUndefined();
    const plan = planProcedure(o4a, '2026-05-01', { assignmentEnded: '2026-04-01' });
    // 30 working days from 1 April 2026 skip Goede Vrijdag, Tweede Paasdag, Koningsdag, Hemelvaartsdag
    // and the day after it (equated in 2026); 5 May is a holiday only in lustrum years.
    expect(plan.submission?.last).toBe('2026-05-20');
    expect(plan.submission?.explanation).toContain('30 werkdagen na afronding van de opdracht op wo 1 apr 2026');
  });

  it('agrees with the register: a step done on its planned date is on time, a day later is late', () => {
    const slugs = [...project.keys()];
    fc.assert(
      fc.property(fc.constantFrom(...slugs), fc.integer({ min: 0, max: 1500 }), (slug, offset) => {
        // From 2024-02-01 every regulation is in force (PIT's version starts then).
        const received = addDays('2024-02-01', offset);
        const v = versionInForce(project, slug, received)!;
        const plan = planProcedure(v, received);
        const planned = plan.steps.filter((s) => s.due !== null && s.rule !== null);
        const steps = Object.fromEntries(planned.map((s) => [s.id, s.due]));
        const onTime = computeComplaintStatus(makeComplaint({ organisation: slug, received, steps }), v, '2035-01-01');
        for (const step of onTime.steps) {
          if (steps[step.id] === undefined) continue;
          expect(step.due).toBe(steps[step.id]);
          expect(step.status).toBe('done');
        }
        const late = Object.fromEntries(planned.map((s) => [s.id, addDays(s.due!, 1)]));
        const lateStatus = computeComplaintStatus(makeComplaint({ organisation: slug, received, steps: late }), v, '2035-01-01');
        for (const step of lateStatus.steps)
          if (late[step.id] !== undefined && step.due === steps[step.id]) expect(step.status).toBe('done-late');
      }),
      { numRuns: 200 },
    );
  });

  it('states every rule in plain Dutch', () => {
    const pit = versionInForce(project, 'pit', '2026-04-01')!.regulation;
    expect(pit.steps.map((s) => stepRule(s, pit))).toEqual([null, 'binnen 14 dagen na ontvangst', null]);
  });
});
