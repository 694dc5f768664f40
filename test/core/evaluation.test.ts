import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  anonymise,
  complaintFacts,
  countYear,
  evaluationDue,
  evaluationReport,
  HIDDEN,
  protectBreakdown,
  readEvaluation,
  versionInForce,
  type Cell,
  type Evaluation,
} from '../../core/index.ts';
import { makeComplaint, makeRegulation, makeRegulationSet } from '../builders.ts';

const TODAY = '2026-11-21';
const set = makeRegulationSet();

function factsOf(overrides: Record<string, unknown>[]) {
  return overrides.map((o, i) => {
    const complaint = makeComplaint({ id: `KL-2025-${String(i + 1).padStart(4, '0')}`, received: '2025-03-02', ...o });
    return complaintFacts(complaint, versionInForce(set, 'test', complaint.received)!, TODAY);
  });
}

function report(overrides: Record<string, unknown>[], options: { evaluations?: Evaluation[]; year?: number } = {}) {
  return evaluationReport({
    regulations: set,
    facts: factsOf(overrides),
    evaluations: options.evaluations ?? [],
    year: options.year ?? 2025,
    asOf: TODAY,
    threshold: 3,
  }).organisations[0]!;
}

/**
 * Every value a cell shown as "< t" could have, given the published breakdown: visible cells as shown,
 * "< t" meaning 1..t-1, "verborgen" meaning 0..total, and all cells adding up to the total.
 */
function possibleValues(cells: Cell[], total: number, t: number, index: number): Set<number> {
  const ranges = cells.map((c): [number, number] => (typeof c === 'number' ? [c, c] : c === HIDDEN ? [0, total] : [1, t - 1]));
  const found = new Set<number>();
  const walk = (i: number, sum: number, mine: number): void => {
    if (sum > total) return;
    if (i === ranges.length) {
      if (sum === total) found.add(mine);
      return;
    }
    const [lo, hi] = ranges[i]!;
    for (let v = lo; v <= hi; v += 1) walk(i + 1, sum + v, i === index ? v : mine);
  };
  walk(0, 0, -1);
  return found;
}

describe('protectBreakdown', () => {
  it('shows counts of 1 and 2 as "< 3" and hides one more cell when the total would give a small one away', () => {
    expect(protectBreakdown({ total: 10, cells: { a: 9, b: 1 } }, 3)).toEqual({ total: 10, cells: { a: HIDDEN, b: '< 3' } });
    expect(protectBreakdown({ total: 10, cells: { a: 5, b: 5, c: 0 } }, 3)).toEqual({ total: 10, cells: { a: 5, b: 5, c: 0 } });
    // Two small cells of 2 and 1: their sum 3 would still leave only {1,2}: fine. Three ones summing to 3: not.
    expect(protectBreakdown({ total: 8, cells: { a: 5, b: 2, c: 1 } }, 3)).toEqual({
      total: 8,
      cells: { a: 5, b: '< 3', c: '< 3' },
    });
    expect(protectBreakdown({ total: 9, cells: { a: 6, b: 1, c: 1, d: 1 } }, 3).cells.a).toBe(HIDDEN);
  });

  it('hides every cell, zeros too, when the total itself is small', () => {
    expect(protectBreakdown({ total: 1, cells: { a: 1, b: 0 } }, 3)).toEqual({ total: '< 3', cells: { a: HIDDEN, b: HIDDEN } });
    expect(protectBreakdown({ total: 0, cells: { a: 0, b: 0 } }, 3)).toEqual({ total: 0, cells: { a: 0, b: 0 } });
  });

  it('never lets a "< t" cell be worked out from the total and the other cells (property, 500 breakdowns)', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 9 }), { minLength: 1, maxLength: 6 }), fc.integer({ min: 3, max: 5 }), (values, t) => {
        const total = values.reduce((a, b) => a + b, 0);
        const cells = Object.fromEntries(values.map((v, i) => [`c${String(i)}`, v]));
        const out = protectBreakdown({ total, cells }, t);
        const shown = Object.values(out.cells);
        shown.forEach((cell, i) => {
          const value = values[i]!;
          if (typeof cell === 'number') expect(cell).toBe(value);
          else if (cell !== HIDDEN) expect(value > 0 && value < t).toBe(true);
          // Counts from 1 to t-1 are never shown as themselves.
          if (value > 0 && value < t) expect(typeof cell).not.toBe('number');
        });
        if (total > 0 && total < t) {
          expect(out.total).toBe(`< ${String(t)}`);
          return;
        }
        expect(out.total).toBe(total);
        shown.forEach((cell, i) => {
          if (typeof cell === 'string' && cell !== HIDDEN)
            expect(possibleValues(shown, total, t, i).size, JSON.stringify({ values, shown })).toBeGreaterThan(1);
        });
      }),
      { numRuns: 500 },
    );
  });
});

describe('evaluationReport', () => {
  const twelve = [
    ...Array.from({ length: 5 }, () => ({
      category: 'communicatie',
      channel: 'email',
      outcome: 'gegrond',
      steps: { bevestiging: '2025-03-04', reactie: '2025-03-20' },
      closed: '2025-03-25',
    })),
    ...Array.from({ length: 4 }, () => ({
      category: 'bejegening',
      channel: 'post',
      outcome: 'ongegrond',
      steps: { bevestiging: '2025-03-16', reactie: '2025-03-27' },
      closed: '2025-04-01',
    })),
    ...Array.from({ length: 3 }, () => ({
      received: '2025-08-04',
      category: 'communicatie',
      channel: 'email',
      outcome: 'deels-gegrond',
      steps: { bevestiging: '2025-08-06', reactie: '2025-09-30' },
      closed: '2025-10-01',
    })),
  ];

  it('counts complaints by quarter, channel, category and outcome, hand-counted', () => {
    const r = report(twelve);
    expect(r.received).toBe(12);
    expect(r.byQuarter.cells).toEqual({ K1: 9, K2: 0, K3: 3, K4: 0 });
    expect(r.byChannel.cells).toMatchObject({ email: 8, post: 4, phone: 0 });
    expect(r.byCategory.cells).toEqual({ communicatie: 8, bejegening: 4, overig: 0, geen: 0 });
    expect(r.outcomes.cells).toMatchObject({ gegrond: 5, ongegrond: 4, 'deels-gegrond': 3, 'nog-geen': 0 });
    expect(r.withdrawn).toBe(0);
  });

  it('counts each step on time or late with median and 90th percentile days, hand-counted', () => {
    const r = report(twelve);
    // bevestiging: 5 working days after Mon 2 Mar = Mon 9 Mar; the four on 16 Mar are late.
    // Received Mon 4 Aug: due Mon 11 Aug; 6 Aug is on time.
    const bevestiging = r.steps.find((s) => s.id === 'bevestiging')!;
    expect(bevestiging.counts.cells).toEqual({ onTime: 8, late: 4, open: 0, overdue: 0 });
    expect(bevestiging.onTimePercent).toBe(67);
    // Days: 2,2,2,2,2 (5×), 14 (4×), 2,2,2 (3×): median of 12 sorted values at rank 6 = 2; p90 at rank 11 = 14.
    expect([bevestiging.medianDays, bevestiging.p90Days]).toEqual([2, 14]);
    // reactie: 4 weeks → 30 Mar and 1 Sep; the August ones on 30 Sep are late (3 → "< 3" is not: 3 stays).
    const reactie = r.steps.find((s) => s.id === 'reactie')!;
    expect(reactie.counts.cells).toEqual({ onTime: 9, late: 3, open: 0, overdue: 0 });
  });

  it('gives a single complaint in a year as "< 3" with every breakdown hidden', () => {
    const r = report([{ category: 'communicatie' }]);
    expect(r.received).toBe('< 3');
    for (const b of [r.byQuarter, r.byChannel, r.byCategory, r.outcomes, r.admissibility]) {
      expect(b.total).toBe('< 3');
      expect(Object.values(b.cells).every((c) => c === HIDDEN)).toBe(true);
    }
    expect(r.steps.every((s) => s.medianDays === null && s.onTimePercent === null)).toBe(true);
  });

  it('hides a category with one complaint, and the cell that would give it away', () => {
    const r = report([...Array.from({ length: 6 }, () => ({ category: 'communicatie' })), { category: 'bejegening' }]);
    expect(r.byCategory.cells.bejegening).toBe('< 3');
    expect(r.byCategory.cells.communicatie).toBe(HIDDEN);
    expect(r.received).toBe(7);
  });

  it('counts a category the regulation does not list as "overig", never under its own name', () => {
    const free = makeRegulationSet({ organisation: { name: 'Vrij', slug: 'test', categories: [] } });
    const complaint = makeComplaint({ category: 'jan-jansen' });
    const facts = complaintFacts(complaint, versionInForce(free, 'test', complaint.received)!, TODAY);
    expect(facts.category).toBe('overig');
    expect(JSON.stringify(facts)).not.toContain('jan-jansen');
  });

  it('derives shares only from published cells, and shows the trend over the years', () => {
    const r = report([...twelve, ...twelve.map((o) => ({ ...o, received: '2024-03-04', steps: {}, closed: '2024-06-01' }))]);
    expect(r.trend.map((t) => t.year)).toEqual([2024, 2025]);
    expect(r.trend[1]).toEqual({ year: 2025, received: 12, onTimePercent: 71, foundedPercent: 67 });
  });

  it('answers MVZ’s questions: satisfaction after corrective measures, complaints after preventive ones', () => {
    const measure = (kind: string, satisfied?: boolean) => ({
      kind,
      description: 'Verzonnen maatregel',
      due: '2024-06-30',
      done: '2024-06-01',
      satisfied,
    });
    const y2024 = Array.from({ length: 4 }, (_, i) => ({
      received: '2024-03-04',
      category: 'communicatie',
      measures: i < 3 ? [measure('preventive')] : [],
    }));
    const y2025 = Array.from({ length: 6 }, (_, i) => ({
      category: i < 3 ? 'communicatie' : 'bejegening',
      measures: [{ ...measure('corrective', i < 4), due: '2025-06-30', done: '2025-06-01' }],
    }));
    const r = report([...y2024, ...y2025]);
    // 4 satisfied, 2 not: the 2 shows as "< 3", and the 4 is hidden, as 6 - 4 would give it away.
    expect(r.correctiveSatisfaction.cells).toEqual({ satisfied: HIDDEN, notSatisfied: '< 3', unknown: 0 });
    expect(r.prevention).toEqual([{ category: 'communicatie', measures: 3, before: 4, after: 3 }]);
  });

  it('states the evaluation and the improvement actions of earlier years', () => {
    const evaluations: Evaluation[] = [
      {
        organisation: 'test',
        year: 2024,
        conclusions: [],
        actions: [
          { description: 'a', due: '2025-06-01', done: '2025-05-01' },
          { description: 'b', due: '2025-06-01' },
        ],
      },
      { organisation: 'test', year: 2025, conclusions: [], actions: [], approval: { by: 'directie', on: '2026-03-01' } },
    ];
    const r = report(twelve, { evaluations });
    expect(r.improvementActions).toEqual({
      years: [2024],
      counts: { total: 2, cells: { onTime: 1, late: 0, open: 0, overdue: 1 } },
    });
    expect(r.evaluation).toEqual({ status: 'approved', due: '2026-03-31', approved: '2026-03-01' });
  });
});

describe('evaluationDue', () => {
  it('is the last day of the month the regulation names after the year', () => {
    const regulation = (months: number) => makeRegulation({ evaluation: { cadence: 'yearly', dueMonthsAfterYearEnd: months } });
    expect(evaluationDue(regulation(3), 2025)).toBe('2026-03-31');
    expect(evaluationDue(regulation(2), 2025)).toBe('2026-02-28');
    expect(evaluationDue(regulation(2), 2027)).toBe('2028-02-29');
    expect(evaluationDue(regulation(0), 2025)).toBe('2025-12-31');
  });
});

describe('countYear', () => {
  it('leaves out other organisations and other years', () => {
    const facts = factsOf([{}, { received: '2024-05-01' }, { organisation: 'test', received: '2025-12-31' }]);
    const raw = countYear({
      regulation: makeRegulation(),
      year: 2025,
      facts: [...facts, { ...facts[0]!, organisation: 'ander' }],
      evaluations: [],
      asOf: TODAY,
    });
    expect(raw.received).toBe(2);
    expect(anonymise(raw, 3).received).toBe('< 3');
    expect(() => anonymise(raw, 2)).toThrow(/minstens 3/);
  });
});

describe('readEvaluation', () => {
  const source = (text: string, file = 'register/evaluations/test/2025.md') => ({ file, text });
  const front = 'organisation: test\nyear: 2025\n';

  it('reads an evaluation and checks its place, organisation and anonymity', () => {
    expect(readEvaluation(source(`---\n${front}conclusions: [Goed]\n---\nTekst.\n`), set).diagnostics).toEqual([]);
    const misplaced = readEvaluation(source(`---\n${front}---\n`, 'register/evaluations/ander/2024.md'), set);
    expect(misplaced.diagnostics.map((d) => d.code)).toEqual(['evaluation-folder', 'evaluation-file']);
    const named = readEvaluation(
      source(`---\n${front}conclusions:\n  - Zie KL-2025-0003\n---\nTekst.\n\nOok KL-2025-0004 hier.\n`),
      set,
    );
    expect(named.diagnostics.filter((d) => d.code === 'evaluation-anonymous').map((d) => d.line)).toEqual([5, 9]);
  });

  it('refuses executable front matter and unknown fields like every other file', () => {
    expect(readEvaluation(source(`---js\n{organisation: 'test'}\n---\n`), set).diagnostics[0]?.severity).toBe('error');
    const unknown = readEvaluation(source(`---\n${front}conclusies: []\n---\n`), set);
    expect(unknown.diagnostics[0]).toMatchObject({ severity: 'error', line: 4 });
  });
});
