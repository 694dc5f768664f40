import { describe, expect, it } from 'vitest';
import {
  ADMISSIBILITY_NAMES,
  CELL_NAMES,
  cellName,
  CHANNEL_NAMES,
  ChannelSchema,
  complaintFacts,
  countYear,
  ESCALATION_OUTCOME_NAMES,
  evaluationReport,
  FACT_STATE_HEADERS,
  OUTCOME_CELLS,
  OUTCOME_NAMES,
  reportSections,
  smallCountsText,
  STATES,
  suppressionNote,
  TERM_UNIT_NAMES,
  TERM_UNIT_PLURALS,
  versionInForce,
} from '../../core/index.ts';
import { makeComplaint, makeRegulationSet } from '../builders.ts';

const TODAY = '2026-11-21';
const set = makeRegulationSet();

function report(threshold: number) {
  const facts = [1, 2, 3, 4].map((n) => {
    const complaint = makeComplaint({ id: `KL-2025-000${String(n)}`, received: '2025-03-02' });
    return complaintFacts(complaint, versionInForce(set, 'test', complaint.received)!, TODAY);
  });
  return evaluationReport({ regulations: set, facts, evaluations: [], year: 2025, asOf: TODAY, threshold }).organisations[0]!;
}

describe('the label tables', () => {
  it('name every cell the figures count, except categories and bodies, which keep their own name', () => {
    const regulation = versionInForce(set, 'test', '2025-12-31')!.regulation;
    const raw = countYear({ regulation, year: 2025, facts: [], evaluations: [], asOf: TODAY });
    const groups = {
      byQuarter: raw.byQuarter,
      byChannel: raw.byChannel,
      byForm: raw.byForm,
      admissibility: raw.admissibility,
      outcomes: raw.outcomes,
      escalationOutcomes: raw.escalations.outcomes,
      states: raw.improvementActions.counts,
      satisfaction: raw.correctiveSatisfaction,
    };
    for (const [group, breakdown] of Object.entries(groups))
      expect(Object.keys(CELL_NAMES[group] ?? {}).sort(), group).toEqual(Object.keys(breakdown.cells).sort());
    expect(Object.keys(OUTCOME_NAMES).sort()).toEqual([...OUTCOME_CELLS].sort());
    expect(Object.keys(CHANNEL_NAMES)).toEqual(ChannelSchema.options);
    expect(cellName('byCategory', 'communicatie')).toBe('communicatie');
    expect(cellName('byCategory', 'geen')).toBe('geen categorie');
  });

  it('keep the words the CLI and the pages showed before', () => {
    expect(ADMISSIBILITY_NAMES.inadmissible).toBe('niet in behandeling genomen');
    expect(ESCALATION_OUTCOME_NAMES.onbekend).toBe('uitspraak nog niet bekend');
    expect(TERM_UNIT_NAMES.workingDays).toEqual(['werkdag', 'werkdagen']);
    expect(TERM_UNIT_PLURALS).toEqual({ days: 'dagen', weeks: 'weken', months: 'maanden', workingDays: 'werkdagen' });
  });
});

describe('the report sections', () => {
  it('head the columns of steps and measures with the state headers, in the order of the cells', () => {
    const sections = reportSections(report(3));
    const headers = STATES.map((s) => FACT_STATE_HEADERS[s]);
    expect(sections.find((s) => s.id === 'termijnen')?.headers.slice(1, 5)).toEqual(headers);
    expect(sections.find((s) => s.id === 'maatregelen')?.headers).toEqual(['Soort', ...headers, 'Totaal']);
    for (const section of sections)
      expect(
        section.headers.every((h) => h !== ''),
        section.id,
      ).toBe(true);
  });

  it('word the threshold after the report, not after 3', () => {
    for (const threshold of [3, 5]) {
      const notes = reportSections(report(threshold)).map((s) => s.note ?? '');
      expect(notes.some((n) => n.includes(`bij minder dan ${String(threshold)} stappen niet getoond`))).toBe(true);
      expect(notes.some((n) => n.includes(`kleiner dan ${String(threshold)} is`))).toBe(true);
    }
    expect(smallCountsText(3)).toBe('1 of 2');
    expect(smallCountsText(5)).toBe('1 tot en met 4');
    expect(suppressionNote(3)).toContain('Een aantal van 1 of 2 staat er als "< 3"');
    expect(suppressionNote(5)).toContain('Een aantal van 1 tot en met 4 staat er als "< 5"');
  });
});
