import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, computeComplaintStatus, formatDateLong, planProcedure, stepRule, versionInForce } from '../../core/index.ts';
import { makeComplaint, makeRegulationSet, projectRegulations } from '../builders.ts';

const version = versionInForce(makeRegulationSet(), 'test', '2026-04-01')!;
const project = projectRegulations();

describe('planProcedure (the deadline finder)', () => {
  it('writes the dates in its explanations as the caller asks (the site in full)', () => {
    const short = planProcedure(version, '2026-04-01').steps.find((s) => s.id === 'bevestiging');
    const long = planProcedure(version, '2026-04-01', { formatDate: formatDateLong }).steps.find((s) => s.id === 'bevestiging');
    expect(short?.explanation).toContain('op wo 1 apr 2026');
    expect(long?.explanation).toContain('op woensdag 1 april 2026');
    expect(long?.due).toBe(short?.due);
  });

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
    // Without the end of the assignment only the rule is known.
    expect(planProcedure(o4a, '2026-05-01').submission).toEqual({ rule: '30 werkdagen na afronding van de opdracht' });
    const plan = planProcedure(o4a, '2026-05-01', { assignmentEnded: '2026-04-01' });
    // 30 working days from 1 April 2026 skip Goede Vrijdag, Tweede Paasdag, Koningsdag, 5 mei (every year
    // under the Atw) and Hemelvaartsdag; 15 May, equated by decree, is not a closing day.
    expect(plan.submission?.deadline?.last).toBe('2026-05-20');
    expect(plan.submission?.deadline?.explanation).toContain('30 werkdagen na afronding van de opdracht op wo 1 apr 2026');
  });

  it('says whether the complaint falls inside the submission window, the last day included', () => {
    const o4a = versionInForce(project, 'organize4all', '2026-04-01')!;
    const on = (received: string) => planProcedure(o4a, received, { assignmentEnded: '2026-04-01' }).submission?.deadline;
    expect(on('2026-05-20')).toMatchObject({ last: '2026-05-20', inTime: true });
    expect(on('2026-05-21')).toMatchObject({ last: '2026-05-20', inTime: false });
    // A complaint during the assignment is in time too.
    expect(on('2026-03-15')).toMatchObject({ inTime: true });
  });

  it('names the event a step counts from when that event has no date, without contradiction (MVZ: the report)', () => {
    const mvz = versionInForce(project, 'mvz', '2026-04-01')!;
    const verslag = planProcedure(mvz, '2026-04-01').steps.find((s) => s.id === 'verslag');
    expect(verslag).toMatchObject({ due: null, explanation: '2 weken na het oplossen van de klacht' });
    expect(verslag).not.toHaveProperty('extension');
  });

  it('gives the latest date with every extension allowed, for the step and the steps that count from it', () => {
    const steps = [
      { id: 'ontvangst', title: 'Ontvangen', actor: 'team', auto: 'received' },
      { id: 'reactie', title: 'Reactie', actor: 'behandelaar', deadline: { amount: 4, unit: 'weeks', from: 'received' } },
      { id: 'besluit', title: 'Besluit', actor: 'directie', deadline: { amount: 1, unit: 'weeks', from: 'reactie' } },
    ];
    const set = (extension: Record<string, unknown>) =>
      versionInForce(makeRegulationSet({ steps, extension }), 'test', '2026-03-02')!;
    // Across the March DST change: 4 weeks from 2 March is 30 March, one extension of 4 weeks 27 April.
    const once = planProcedure(
      set({ allowed: true, max: { amount: 4, unit: 'weeks' }, times: 1, steps: ['reactie'] }),
      '2026-03-02',
    );
    const byId = Object.fromEntries(once.steps.map((s) => [s.id, s]));
    expect(byId.ontvangst).not.toHaveProperty('extension');
    expect(byId.reactie).toMatchObject({
      due: '2026-03-30',
      extension: { latest: '2026-04-27', own: true, noticeBy: '2026-03-30', reasoned: true },
    });
    // The decision counts from the reply: it moves with the reply's extension.
    expect(byId.besluit).toMatchObject({ due: '2026-04-06', chained: true, extension: { latest: '2026-05-04', own: false } });
    // Twice 5 working days after Easter Monday 6 April 2026.
    const twice = planProcedure(
      set({ allowed: true, max: { amount: 5, unit: 'workingDays' }, times: 2, steps: ['reactie'], noticeBeforeDeadline: false }),
      '2026-03-09',
    );
    expect(twice.steps[1]).toMatchObject({ due: '2026-04-06', extension: { latest: '2026-04-20', own: true } });
    expect(twice.steps[1]?.extension).not.toHaveProperty('noticeBy');
    // Without a limit on the length or the number of extensions there is no latest date.
    const open = planProcedure(set({ allowed: true, max: { amount: 2, unit: 'weeks' } }), '2026-03-02');
    expect(open.steps.map((s) => s.extension?.latest)).toEqual([undefined, null, null]);
    // Not allowed: no step mentions an extension.
    const none = planProcedure(set({ allowed: false }), '2026-03-02');
    expect(none.steps.some((s) => 'extension' in s)).toBe(false);
  });

  it('says an extension has no limit where the regulation sets none (MVZ: the offer)', () => {
    const mvz = versionInForce(project, 'mvz', '2026-04-01')!;
    const byId = Object.fromEntries(planProcedure(mvz, '2026-04-01').steps.map((s) => [s.id, s]));
    expect(byId.aanbod).toMatchObject({
      due: '2026-05-13',
      extension: { latest: null, own: true, noticeBy: '2026-05-13', reasoned: true },
    });
    expect(byId.ontvangstbevestiging).not.toHaveProperty('extension');
  });

  it('agrees with the register: the longest extension allowed ends on the latest date the finder gives', () => {
    const steps = [
      { id: 'ontvangst', title: 'Ontvangen', actor: 'team', auto: 'received' },
      { id: 'reactie', title: 'Reactie', actor: 'behandelaar', deadline: { amount: 10, unit: 'workingDays', from: 'received' } },
      { id: 'besluit', title: 'Besluit', actor: 'directie', deadline: { amount: 1, unit: 'months', from: 'reactie' } },
    ];
    const extension = { allowed: true, max: { amount: 3, unit: 'workingDays' }, times: 2, steps: ['reactie'] };
    const v = versionInForce(makeRegulationSet({ steps, extension }), 'test', '2024-01-01')!;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1500 }), (offset) => {
        const received = addDays('2024-01-01', offset);
        const byId = Object.fromEntries(planProcedure(v, received).steps.map((s) => [s.id, s]));
        const latest = byId.reactie!.extension!.latest!;
        const extended = { step: 'reactie', amount: 3, unit: 'workingDays', reason: 'drukte', notified: byId.reactie!.due };
        const complaint = makeComplaint({
          organisation: 'test',
          received,
          extensions: [extended, extended],
          steps: { reactie: latest },
        });
        const status = computeComplaintStatus(complaint, v, '2035-01-01');
        expect(status.notApplied).toBeUndefined();
        expect(status.steps.find((s) => s.id === 'reactie')).toMatchObject({ due: latest, status: 'done' });
        expect(status.steps.find((s) => s.id === 'besluit')?.due).toBe(byId.besluit!.extension!.latest);
      }),
      { numRuns: 100 },
    );
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
