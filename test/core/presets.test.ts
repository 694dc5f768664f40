import { describe, expect, it } from 'vitest';
import {
  buildRegulationSet,
  computeComplaintStatus,
  versionInForce,
  type ComplaintStatus,
  type Regulation,
  type StepStatus,
} from '../../core/index.ts';
import { loadRegulations } from '../../node/load-register.ts';
import { checkSources, complaintText, makeComplaint, ROOT } from '../builders.ts';

// The statutory presets as `klachten init` copies them: read from presets/ only, never from the
// project's register/ or regulations/.
const loaded = loadRegulations(ROOT, 'presets');
const { regulations } = loaded;

type Slug = 'awb' | 'wkkgz';

/** The step that carries the six weeks: Awb art. 9:11 lid 1, Wkkgz art. 17 lid 1. */
const DECISION: Record<Slug, string> = { awb: 'afhandeling', wkkgz: 'oordeel' };
const LAW: Record<Slug, string> = { awb: 'Awb', wkkgz: 'Wkkgz' };

function preset(slug: Slug) {
  return versionInForce(regulations, slug, '2026-01-01')!;
}

function status(slug: Slug, overrides: Record<string, unknown>, today = '2026-03-02'): ComplaintStatus {
  return computeComplaintStatus(makeComplaint({ organisation: slug, ...overrides }), preset(slug), today);
}

function stepOf(result: ComplaintStatus, id: string): StepStatus {
  const found = result.steps.find((s) => s.id === id);
  if (!found) throw new Error(`stap ${id} ontbreekt`);
  return found;
}

/** A complaint file that meets each preset's required contents (Awb art. 9:4: name, address, date, description). */
function complaintFile(slug: Slug, overrides: Record<string, unknown>): { file: string; text: string } {
  return {
    file: 'register/complaints/2026/KL-2026-0001.md',
    text: complaintText({
      organisation: slug,
      complainant: { name: 'Test Verzonnen', address: 'Verzonnen straat 1, Nergenshuizen' },
      dated: '2026-03-01',
      ...overrides,
    }),
  };
}

describe('the statutory presets', () => {
  it('load from presets/ without findings, one version each', () => {
    expect(loaded.diagnostics).toEqual([]);
    // The two statutory templates, and the five seed regulations an organisation may start from too.
    expect([...regulations.keys()].sort()).toEqual([
      'awb',
      'coulant',
      'mvz',
      'organize4all',
      'pit',
      're-integratiedienst',
      'wkkgz',
    ]);
    for (const versions of regulations.values()) expect(versions).toHaveLength(1);
  });

  it.each(['awb', 'wkkgz'] as const)('%s: a placeholder organisation, the Atw on, every step citing its article', (slug) => {
    const { regulation, file } = preset(slug);
    expect(file).toMatch(new RegExp(`presets/${slug}/2026-01-01\\.md$`));
    expect(regulation.organisation).toMatchObject({ name: 'Voorbeeldorganisatie', slug });
    expect(regulation.calendar.atwRollForward).toBe(true);
    for (const step of regulation.steps) {
      expect(step.article, step.id).toMatch(/^artikel-\d+$/);
      expect(step.description, step.id).toMatch(new RegExp(`\\(art\\. [^()]+ ${LAW[slug]}\\)\\.$`));
    }
    expect(regulation.steps.find((s) => s.id === DECISION[slug])?.deadline).toEqual({
      amount: 6,
      unit: 'weeks',
      from: 'received',
    });
    expect(regulation.extension).toMatchObject({
      allowed: true,
      max: { amount: 4, unit: 'weeks' },
      times: 1,
      noticeBeforeDeadline: true,
      steps: [DECISION[slug]],
    });
    // What the law does not say is marked as the register's own choice, with a reason.
    expect(regulation.ownChoices.length).toBeGreaterThan(0);
    for (const choice of regulation.ownChoices) expect(choice.reason.length).toBeGreaterThan(20);
  });
});

describe.each(['awb', 'wkkgz'] as const)('%s: the six-week decision term', (slug) => {
  const due = (received: string): string | null => stepOf(status(slug, { received }, received), DECISION[slug]).due;

  it('ends exactly six weeks after a receipt on a Monday', () => {
    // Mon 2 March 2026 + 42 days = Mon 13 April 2026 (Tweede Paasdag was 6 April): no roll-forward.
    const step = stepOf(status(slug, { received: '2026-03-02' }), DECISION[slug]);
    expect(step).toMatchObject({ due: '2026-04-13', status: 'open' });
    expect(step.explanation).toBe('6 weken na ontvangst op ma 2 mrt 2026');
  });

  it('moves a term that ends on a Saturday or a Sunday to the Monday (Atw art. 1)', () => {
    // Sat 7 March + 42 days = Sat 18 April → Mon 20 April.
    const saturday = stepOf(status(slug, { received: '2026-03-07' }), DECISION[slug]);
    expect(saturday.due).toBe('2026-04-20');
    expect(saturday.explanation).toBe(
      '6 weken na ontvangst op za 7 mrt 2026; za 18 apr 2026 is geen werkdag: volgens de Algemene termijnenwet doorgeschoven; uiterlijk ma 20 apr 2026',
    );
    // Sun 8 March + 42 days = Sun 19 April → Mon 20 April.
    expect(due('2026-03-08')).toBe('2026-04-20');
  });

  it('moves a term that ends on a public holiday to the next working day (Atw art. 1 and 3)', () => {
    // Mon 16 March + 42 days = Mon 27 April, Koningsdag → Tue 28 April.
    expect(due('2026-03-16')).toBe('2026-04-28');
    // Mon 13 April + 42 days = Mon 25 May, Tweede Pinksterdag → Tue 26 May.
    expect(due('2026-04-13')).toBe('2026-05-26');
    // Fri 13 November + 42 days = Fri 25 December, Eerste Kerstdag; Sat 26 (Tweede Kerstdag), Sun 27 → Mon 28 December.
    expect(due('2026-11-13')).toBe('2026-12-28');
    // Fri 20 February + 42 days = Fri 3 April, Goede Vrijdag; Sat 4, Sun 5, Mon 6 (Tweede Paasdag) → Tue 7 April.
    expect(due('2026-02-20')).toBe('2026-04-07');
    // Thu 2 April + 42 days = Thu 14 May, Hemelvaartsdag; Fri 15 May is equated with a holiday by royal
    // decree (Atw art. 3 lid 3); Sat 16, Sun 17 → Mon 18 May.
    expect(due('2026-04-02')).toBe('2026-05-18');
    // Fri 20 November + 42 days = Fri 1 January 2027, Nieuwjaarsdag; Sat 2, Sun 3 → Mon 4 January 2027.
    expect(due('2026-11-20')).toBe('2027-01-04');
  });

  it('owes the roll-forward to the preset: the same term without it ends on the holiday', () => {
    const { regulation, file } = preset(slug);
    const off: Regulation = { ...regulation, calendar: { ...regulation.calendar, atwRollForward: false } };
    const version = versionInForce(buildRegulationSet([{ file, regulation: off }]), slug, '2026-01-01')!;
    const complaint = makeComplaint({ organisation: slug, received: '2026-03-16' });
    expect(stepOf(computeComplaintStatus(complaint, version, '2026-03-16'), DECISION[slug]).due).toBe('2026-04-27');
  });

  it('accepts an extension of exactly four weeks, notified in writing before the six weeks end', () => {
    // 13 April + 28 days = Mon 11 May.
    const result = status(slug, {
      received: '2026-03-02',
      extensions: [{ step: DECISION[slug], amount: 4, unit: 'weeks', reason: 'advies nodig', notified: '2026-04-13' }],
    });
    expect(result.notApplied).toBeUndefined();
    expect(stepOf(result, DECISION[slug])).toMatchObject({
      due: '2026-05-11',
      explanation: '6 weken na ontvangst op ma 2 mrt 2026; verlengd met 4 weken; uiterlijk ma 11 mei 2026',
    });
    // 28 days is the same four weeks.
    const days = status(slug, {
      received: '2026-03-02',
      extensions: [{ step: DECISION[slug], amount: 28, unit: 'days', reason: 'advies nodig', notified: '2026-04-10' }],
    });
    expect(days.notApplied).toBeUndefined();
    expect(stepOf(days, DECISION[slug]).due).toBe('2026-05-11');
  });

  it('rolls an extended term forward as well', () => {
    // Thu 5 March + 42 days = Thu 16 April; + 28 days = Thu 14 May, Hemelvaartsdag; Fri 15 May equated → Mon 18 May.
    const result = status(slug, {
      received: '2026-03-05',
      extensions: [{ step: DECISION[slug], amount: 4, unit: 'weeks', reason: 'advies nodig', notified: '2026-04-16' }],
    });
    expect(result.notApplied).toBeUndefined();
    expect(stepOf(result, DECISION[slug]).due).toBe('2026-05-18');
  });

  it('rejects an extension beyond four weeks and leaves the due date where it was', () => {
    for (const extension of [
      { amount: 5, unit: 'weeks' },
      { amount: 29, unit: 'days' },
      { amount: 2, unit: 'months' },
    ]) {
      const result = status(slug, {
        received: '2026-03-02',
        extensions: [{ step: DECISION[slug], ...extension, reason: 'advies nodig', notified: '2026-04-10' }],
      });
      expect(result.notApplied, JSON.stringify(extension)).toEqual([{ field: 'extensions', index: 0, code: 'extension-max' }]);
      expect(stepOf(result, DECISION[slug]).due).toBe('2026-04-13');
    }
  });

  it('rejects a second extension: the first stands, the second moves nothing', () => {
    const result = status(slug, {
      received: '2026-03-02',
      extensions: [
        { step: DECISION[slug], amount: 2, unit: 'weeks', reason: 'advies nodig', notified: '2026-04-10' },
        { step: DECISION[slug], amount: 2, unit: 'weeks', reason: 'nog meer tijd', notified: '2026-04-24' },
      ],
    });
    expect(result.notApplied).toEqual([{ field: 'extensions', index: 1, code: 'extension-times' }]);
    // 13 April + 14 days = Mon 27 April, Koningsdag → Tue 28 April; the second two weeks are left out.
    expect(stepOf(result, DECISION[slug]).due).toBe('2026-04-28');
  });

  it('rejects an extension the complainant heard of only after the six weeks', () => {
    const result = status(slug, {
      received: '2026-03-02',
      extensions: [{ step: DECISION[slug], amount: 4, unit: 'weeks', reason: 'advies nodig', notified: '2026-04-14' }],
    });
    expect(result.notApplied).toEqual([{ field: 'extensions', index: 0, code: 'extension-notice' }]);
    expect(stepOf(result, DECISION[slug]).due).toBe('2026-04-13');
  });

  it('has klachten check report what the deadlines leave out', () => {
    const accepted = checkSources(
      [
        complaintFile(slug, {
          received: '2026-03-02',
          extensions: [{ step: DECISION[slug], amount: 4, unit: 'weeks', reason: 'advies nodig', notified: '2026-04-13' }],
        }),
      ],
      regulations,
      '2026-04-20',
    );
    expect(accepted.diagnostics).toEqual([]);
    const rejected = checkSources(
      [
        complaintFile(slug, {
          received: '2026-03-02',
          extensions: [{ step: DECISION[slug], amount: 5, unit: 'weeks', reason: 'advies nodig', notified: '2026-04-13' }],
        }),
      ],
      regulations,
      '2026-04-20',
    );
    expect(rejected.diagnostics.map((d) => [d.severity, d.code, d.message])).toEqual([
      ['error', 'extension-max', 'verlenging van 5 weken is langer dan toegestaan (hoogstens 4 weken)'],
    ]);
  });
});

describe('awb: routes of Awb chapter 9', () => {
  it('gives a complaint that is not handled its notice within four weeks (art. 9:8 lid 3), rolled past Koningsdag', () => {
    // Mon 30 March + 28 days = Mon 27 April, Koningsdag → Tue 28 April.
    const result = status('awb', { received: '2026-03-30', admissible: false }, '2026-04-01');
    expect(stepOf(result, 'kennisgeving-niet-behandelen')).toMatchObject({ due: '2026-04-28', status: 'open' });
    expect(stepOf(result, 'afhandeling').status).toBe('not-applicable');
    expect(stepOf(result, 'horen').status).toBe('not-applicable');
    // A complaint that is handled has no such notice.
    const handled = status('awb', { received: '2026-03-30' }, '2026-04-01');
    expect(stepOf(handled, 'kennisgeving-niet-behandelen').status).toBe('not-applicable');
    expect(stepOf(handled, 'afhandeling').due).toBe('2026-05-11');
  });

  it('allows only the decision to be postponed, not the not-handled notice', () => {
    const result = status('awb', {
      received: '2026-03-30',
      admissible: false,
      extensions: [{ step: 'kennisgeving-niet-behandelen', amount: 2, unit: 'weeks', reason: 'x', notified: '2026-04-20' }],
    });
    expect(result.notApplied).toEqual([{ field: 'extensions', index: 0, code: 'extension' }]);
    expect(stepOf(result, 'kennisgeving-niet-behandelen').due).toBe('2026-04-28');
  });

  it('takes ten weeks where a klachtadviescommissie handles complaints (art. 9:11 lid 1 with art. 9:14), once the organisation sets it', () => {
    // The preset counts six weeks and says in the step, its comment and article 7 how to set ten.
    const { regulation, file } = preset('awb');
    const decision = regulation.steps.find((s) => s.id === 'afhandeling')!;
    expect(decision.description).toContain('binnen tien weken als een klachtadviescommissie de klacht behandelt');
    const tenWeeks: Regulation = {
      ...regulation,
      steps: regulation.steps.map((s) => (s.id === 'afhandeling' ? { ...s, deadline: { ...s.deadline!, amount: 10 } } : s)),
    };
    const version = versionInForce(buildRegulationSet([{ file, regulation: tenWeeks }]), 'awb', '2026-01-01')!;
    const complaint = makeComplaint({ organisation: 'awb', received: '2026-03-05' });
    // Thu 5 March + 70 days = Thu 14 May, Hemelvaartsdag; Fri 15 May equated; Sat 16, Sun 17 → Mon 18 May.
    // Ten weeks is within the twelve of Atw art. 4, so the roll-forward still applies.
    expect(stepOf(computeComplaintStatus(complaint, version, '2026-03-05'), 'afhandeling').due).toBe('2026-05-18');
  });

  it('rejects a second postponement even of one week: further delay needs the complainant’s written consent (art. 9:11 lid 3)', () => {
    const result = status('awb', {
      received: '2026-03-02',
      extensions: [
        { step: 'afhandeling', amount: 4, unit: 'weeks', reason: 'advies nodig', notified: '2026-04-10' },
        { step: 'afhandeling', amount: 1, unit: 'weeks', reason: 'klager stemt in', notified: '2026-05-08' },
      ],
    });
    expect(result.notApplied).toEqual([{ field: 'extensions', index: 1, code: 'extension-times' }]);
    expect(stepOf(result, 'afhandeling').due).toBe('2026-05-11');
  });
});

describe('wkkgz: art. 17', () => {
  it('requires the reason of an extension (art. 17 lid 2: met redenen omkleed)', () => {
    const result = status('wkkgz', {
      received: '2026-03-02',
      extensions: [{ step: 'oordeel', amount: 4, unit: 'weeks', notified: '2026-04-10' }],
    });
    expect(result.notApplied).toEqual([{ field: 'extensions', index: 0, code: 'extension-reason' }]);
    expect(stepOf(result, 'oordeel').due).toBe('2026-04-13');
  });

  it('counts the six weeks for an oral complaint too', () => {
    const result = status('wkkgz', { received: '2026-03-02', channel: 'phone', form: 'oral' });
    expect(stepOf(result, 'oordeel').due).toBe('2026-04-13');
    const { diagnostics } = checkSources(
      [complaintFile('wkkgz', { received: '2026-03-02', channel: 'phone', form: 'oral' })],
      regulations,
      '2026-03-03',
    );
    expect(diagnostics).toEqual([]);
  });
});
