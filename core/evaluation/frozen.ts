import type { IsoDate } from '../calendar/iso-date.ts';
import { MIN_THRESHOLD } from './anonymise.ts';
import type { OrganisationReport } from './report.ts';
import { reportSections } from './sections.ts';

/**
 * The published figures of an approved evaluation, fixed when the directors approve it:
 * `register/evaluations/<slug>/<year>.cijfers.json`, written by `klachten evaluate --freeze` in the
 * approval pull request. The public page shows these ever after; a step recorded late changes the live
 * count, not what the directors approved.
 */
export interface FrozenFigures {
  /** The format of this file. */
  format: 1;
  organisation: string;
  year: number;
  /** The day the figures were counted and fixed. */
  frozenOn: IsoDate;
  /** The threshold they were published with (at least 3). */
  threshold: number;
  /** The published report as it stood on `frozenOn`. */
  figures: OrganisationReport;
}

/** The file of the frozen figures beside an evaluation file `<year>.md`. */
export function frozenFileOf(evaluationFile: string): string {
  return evaluationFile.replace(/\.md$/, '.cijfers.json');
}

/**
 * What is wrong with a frozen figures file as read (parsed JSON): its shape, and any count it publishes
 * that the threshold should have suppressed. Empty when it may be published.
 */
export function frozenProblems(value: unknown, expected: { organisation: string; year: number }): string[] {
  if (value === null || typeof value !== 'object') return ['geen JSON-object'];
  const frozen = value as Partial<FrozenFigures>;
  const problems: string[] = [];
  // Nothing read from the file is repeated in a message: it may be anything, and the messages reach
  // CI logs and annotations.
  if (frozen.format !== 1) problems.push('format: verwacht 1');
  if (frozen.organisation !== expected.organisation)
    problems.push(`de organisatie hoort niet bij de evaluatie van ${expected.organisation}`);
  if (frozen.year !== expected.year) problems.push(`het jaar hoort niet bij de evaluatie van ${String(expected.year)}`);
  if (typeof frozen.frozenOn !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(frozen.frozenOn))
    problems.push('frozenOn is geen datum');
  const threshold = frozen.threshold;
  if (typeof threshold !== 'number' || !Number.isInteger(threshold) || threshold < MIN_THRESHOLD)
    problems.push(`de drempel: gepubliceerde cijfers hebben een drempel van minstens ${String(MIN_THRESHOLD)}`);
  const figures: unknown = frozen.figures;
  if (figures === null || typeof figures !== 'object') {
    problems.push('figures ontbreekt');
    return problems;
  }
  if (typeof threshold === 'number') problems.push(...unsuppressed(figures, threshold));
  return problems;
}

/** A key of the file as a message may show it: a code word as it is, anything else as "…". */
function codeWord(key: string): string {
  return /^[A-Za-z0-9_-]{1,40}$/.test(key) ? key : '…';
}

/** Published counts from 1 to threshold-1: in a breakdown's cells and totals, and in single counts. */
function unsuppressed(figures: object, threshold: number): string[] {
  const problems: string[] = [];
  const walk = (value: unknown, path: string[]): void => {
    // The directors' own improvement actions are no complainant's: counted as they are.
    if (path[0] === 'improvementActions') return;
    if (typeof value === 'number') {
      const last = path.at(-1) ?? '';
      // Counts are cells, totals and single counts; percentages, days and years are not.
      const count = path.includes('cells') || last === 'total' || last === 'received' || last === 'extensions';
      if (count && value > 0 && value < threshold)
        problems.push(`${path.map(codeWord).join('.')} is ${String(value)}: onder de drempel hoort "< ${String(threshold)}"`);
      return;
    }
    if (typeof value === 'string' || value === null || typeof value !== 'object') return;
    if (Array.isArray(value))
      value.forEach((item: unknown, index) => {
        walk(item, [...path, String(index)]);
      });
    else for (const [key, item] of Object.entries(value)) walk(item, [...path, key]);
  };
  walk(figures, []);
  return problems;
}

/** One figure that differs between the approved (frozen) and the live published figures. */
export interface FigureChange {
  section: string;
  label: string;
  column: string;
  frozen: string;
  live: string;
}

/**
 * The figures that changed since they were fixed, in the words of the report's sections: for the
 * internal report, which says what a step recorded late changed.
 */
export function figureChanges(frozen: OrganisationReport, live: OrganisationReport): FigureChange[] {
  const cells = (report: OrganisationReport): Map<string, { section: string; label: string; column: string; value: string }> => {
    const map = new Map<string, { section: string; label: string; column: string; value: string }>();
    for (const section of reportSections(report))
      for (const [label = '', ...values] of section.rows)
        values.forEach((value, index) => {
          const column = section.headers[index + 1] ?? '';
          map.set(`${section.id}\u0000${label}\u0000${column}`, { section: section.title, label, column, value });
        });
    return map;
  };
  const before = cells(frozen);
  const after = cells(live);
  const changes: FigureChange[] = [];
  for (const [key, was] of before) {
    const now = after.get(key);
    if (now?.value !== was.value)
      changes.push({ section: was.section, label: was.label, column: was.column, frozen: was.value, live: now?.value ?? '–' });
  }
  for (const [key, now] of after)
    if (!before.has(key))
      changes.push({ section: now.section, label: now.label, column: now.column, frozen: '–', live: now.value });
  return changes;
}

/** The frozen figures of a report, ready to be written. */
export function freezeFigures(report: OrganisationReport, frozenOn: IsoDate): FrozenFigures {
  if (report.threshold < MIN_THRESHOLD) throw new RangeError('alleen gepubliceerde cijfers worden vastgelegd, niet de exacte');
  return {
    format: 1,
    organisation: report.organisation,
    year: report.year,
    frozenOn,
    threshold: report.threshold,
    figures: report,
  };
}
