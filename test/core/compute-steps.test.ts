import { describe, expect, it } from 'vitest';
import { computeComplaintStatus, versionInForce, type StepStatus } from '../../core/index.ts';
import { makeComplaint, makeRegulationSet, projectRegulations } from '../builders.ts';

const set = makeRegulationSet();
const version = versionInForce(set, 'test', '2026-04-01')!;

function steps(overrides: Record<string, unknown>, today: string): Record<string, StepStatus> {
  const status = computeComplaintStatus(makeComplaint(overrides), version, today);
  return Object.fromEntries(status.steps.map((s) => [s.id, s]));
}

describe('computeComplaintStatus', () => {
  it('explains a working-day deadline across Easter', () => {
    // From 2 April, 10 April lies within five working days: due soon.
    expect(steps({}, '2026-04-02').bevestiging).toEqual({
      id: 'bevestiging',
      title: 'Bevestigd',
      actor: 'behandelaar',
      due: '2026-04-10',
      done: null,
      status: 'due-soon',
      explanation: '5 werkdagen na ontvangst op wo 1 apr 2026; Goede Vrijdag en Tweede Paasdag tellen niet mee',
    });
  });

  it('marks done, done late, due soon and overdue', () => {
    const on = steps({ steps: { bevestiging: '2026-04-10' } }, '2026-04-20').bevestiging;
    expect(on?.status).toBe('done');
    const late = steps({ steps: { bevestiging: '2026-04-13' } }, '2026-04-20').bevestiging;
    expect(late?.status).toBe('done-late');
    expect(steps({}, '2026-04-08').bevestiging?.status).toBe('due-soon');
    expect(steps({}, '2026-04-10').bevestiging?.status).toBe('due-soon');
    expect(steps({}, '2026-04-11').bevestiging?.status).toBe('overdue');
    expect(steps({}, '2026-04-02').reactie?.status).toBe('open');
  });

  it('applies conditions: the inadmissible notice only for inadmissible complaints', () => {
    expect(steps({}, '2026-06-01')['niet-in-behandeling']?.status).toBe('not-applicable');
    const inadmissible = steps({ admissible: false }, '2026-06-01');
    expect(inadmissible['niet-in-behandeling']).toMatchObject({ due: '2026-04-29', status: 'overdue' });
  });

  it('counts from another step once it is done', () => {
    expect(steps({}, '2026-05-01').verslag).toMatchObject({ due: null, status: 'open' });
    const after = steps({ steps: { opgelost: '2026-05-04' } }, '2026-05-06').verslag;
    expect(after).toMatchObject({ due: '2026-05-18', status: 'open' });
    // Five working days after Sunday 10 May reach 18 May, since Hemelvaartsdag (14 May) does not count.
    expect(steps({ steps: { opgelost: '2026-05-04' } }, '2026-05-10').verslag?.status).toBe('due-soon');
    expect(after?.explanation).toBe('2 weken na het oplossen van de klacht op ma 4 mei 2026');
  });

  it('counts each complaint on its own, though deadlines without an extension or suspension are shared', () => {
    // The first and last complaint have neither; the one between has an extension for `reactie`
    // and a suspension: the deadlines counted once for 1 April must not reach it, nor it them.
    const plain = steps({}, '2026-04-30');
    const adjusted = steps(
      {
        extensions: [{ step: 'reactie', amount: 2, unit: 'weeks', reason: 'x', notified: '2026-04-20' }],
        suspensions: [{ from: '2026-04-06', to: '2026-04-07', reason: 'x', steps: ['bevestiging'] }],
      },
      '2026-04-30',
    );
    const again = steps({}, '2026-04-30');
    expect(plain.reactie).toMatchObject({ due: '2026-04-29', explanation: '4 weken na ontvangst op wo 1 apr 2026' });
    expect(adjusted.reactie?.due).toBe('2026-05-13');
    expect(adjusted.bevestiging?.due).not.toBe(plain.bevestiging?.due);
    expect(again).toEqual(plain);
    // Another receipt date, another deadline.
    expect(steps({ received: '2026-04-08' }, '2026-04-30').reactie?.due).toBe('2026-05-06');
  });

  it('moves the due date by an extension', () => {
    const extended = steps(
      { extensions: [{ step: 'reactie', amount: 2, unit: 'weeks', reason: 'x', notified: '2026-04-20' }] },
      '2026-04-30',
    );
    expect(extended.reactie).toMatchObject({ due: '2026-05-13', status: 'open' });
    expect(extended.reactie?.explanation).toBe(
      '4 weken na ontvangst op wo 1 apr 2026; verlengd met 2 weken; uiterlijk wo 13 mei 2026',
    );
  });

  it('moves due dates by a suspension: working days for working-day terms, calendar days otherwise', () => {
    const suspended = steps({ received: '2026-03-02', suspensions: [{ from: '2026-03-05', to: '2026-03-11' }] }, '2026-03-12');
    // 5 working days from Mon 2 March = Mon 9 March; paused Thu 5 – Wed 11 (5 working days) → 16 March.
    expect(suspended.bevestiging?.due).toBe('2026-03-16');
    // 4 weeks = 30 March; paused 7 calendar days → 6 April (Tweede Paasdag; calendar terms do not roll).
    expect(suspended.reactie?.due).toBe('2026-04-06');
    expect(suspended.reactie?.explanation).toContain('opgeschort van do 5 mrt 2026 t/m wo 11 mrt 2026: 7 dagen later');
  });

  it('keeps the clock paused while a suspension lasts', () => {
    const ongoing = steps({ received: '2026-03-02', suspensions: [{ from: '2026-03-20' }] }, '2026-04-15');
    expect(ongoing.reactie).toMatchObject({ status: 'open', due: '2026-04-26' });
    expect(ongoing.reactie?.explanation).toContain('(loopt nog)');
  });

  it('does not move a step that was done before the suspension', () => {
    const done = steps(
      { received: '2026-03-02', steps: { bevestiging: '2026-03-04' }, suspensions: [{ from: '2026-03-05', to: '2026-03-11' }] },
      '2026-03-12',
    );
    expect(done.bevestiging).toMatchObject({ due: '2026-03-09', status: 'done' });
  });

  it('stops the clock for withdrawn and closed complaints', () => {
    const withdrawn = computeComplaintStatus(
      makeComplaint({ outcome: 'ingetrokken', closed: '2026-04-03' }),
      version,
      '2026-06-01',
    );
    expect(withdrawn.state).toBe('withdrawn');
    expect(withdrawn.steps.filter((s) => s.id !== 'ontvangst').every((s) => s.status === 'not-applicable')).toBe(true);
  });

  it('does not depend on the time zone of the machine', () => {
    const original = process.env.TZ;
    const results = ['Pacific/Kiritimati', 'America/Adak', 'Europe/Amsterdam'].map((zone) => {
      process.env.TZ = zone;
      return JSON.stringify(computeComplaintStatus(makeComplaint({ received: '2026-03-27' }), version, '2026-03-30'));
    });
    process.env.TZ = original;
    expect(new Set(results).size).toBe(1);
  });
});

describe('the five seed regulations', () => {
  const regulations = projectRegulations();

  it('all load, one version each', () => {
    expect([...regulations.keys()].sort()).toEqual(['coulant', 'mvz', 'organize4all', 'pit', 're-integratiedienst']);
  });

  const cases: [string, string, string, number, string][] = [
    ['pit', 'behandeling', '2026-03-02', 14, 'days'],
    ['re-integratiedienst', 'ontvangstbevestiging', '2026-03-02', 5, 'workingDays'],
    ['re-integratiedienst', 'voortgangsbericht', '2026-03-02', 10, 'workingDays'],
    ['re-integratiedienst', 'schriftelijke-reactie', '2026-03-02', 4, 'weeks'],
    ['coulant', 'ontvangstbevestiging', '2026-03-02', 2, 'weeks'],
    ['coulant', 'kennisgeving-niet-in-behandeling', '2026-03-02', 4, 'weeks'],
    ['coulant', 'acties-uitgevoerd', '2026-03-02', 6, 'weeks'],
    ['organize4all', 'schriftelijke-afhandeling', '2026-03-02', 20, 'workingDays'],
    ['mvz', 'ontvangstbevestiging', '2026-03-02', 2, 'weeks'],
    ['mvz', 'kennisgeving-niet-in-behandeling', '2026-03-02', 4, 'weeks'],
    ['mvz', 'aanbod', '2026-03-02', 6, 'weeks'],
  ];
  it.each(cases)('%s: %s is %i %s after receipt', (slug, stepId, received, amount, unit) => {
    const regulation = versionInForce(regulations, slug, received)!.regulation;
    expect(regulation.steps.find((s) => s.id === stepId)?.deadline).toEqual({ amount, unit, from: 'received' });
  });

  it('mvz: the report is due two weeks after resolution, and only the offer may be extended', () => {
    const mvz = versionInForce(regulations, 'mvz', '2026-03-02')!.regulation;
    expect(mvz.steps.find((s) => s.id === 'verslag')?.deadline).toEqual({ amount: 2, unit: 'weeks', from: 'opgelost' });
    expect(mvz.extension).toMatchObject({ allowed: true, reasonRequired: true, steps: ['aanbod'] });
    expect(mvz.escalation.map((e) => e.name)).toEqual([
      'Opdrachtgever van het traject',
      'Nationale ombudsman of gemeentelijke ombudsman',
      'Autoriteit Persoonsgegevens',
    ]);
  });

  it('organize4all: submission at most 30 working days after the assignment ended', () => {
    expect(versionInForce(regulations, 'organize4all', '2026-03-02')!.regulation.complaint.submissionWindow).toEqual({
      amount: 30,
      unit: 'workingDays',
      from: 'assignmentEnded',
    });
  });

  it('coulant: the 18-step flow, the last three at evaluation level', () => {
    const steps = versionInForce(regulations, 'coulant', '2026-03-02')!.regulation.steps;
    expect(steps).toHaveLength(18);
    expect(steps.slice(15).map((s) => s.scope)).toEqual(['evaluation', 'evaluation', 'evaluation']);
  });

  it('pit: in force from 1 February 2024, not before', () => {
    expect(versionInForce(regulations, 'pit', '2024-01-31')).toBeUndefined();
    expect(versionInForce(regulations, 'pit', '2024-02-01')?.key).toBe('pit@1');
  });

  it('every seed leaves the Atw roll-forward off', () => {
    for (const versions of regulations.values())
      for (const v of versions) expect(v.regulation.calendar.atwRollForward).toBe(false);
  });
});
