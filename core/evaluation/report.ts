import { addMonths, type IsoDate } from '../calendar/iso-date.ts';
import { versionInForce, type RegulationSet } from '../deadlines/regulation-set.ts';
import type { Evaluation } from '../schemas/evaluation.ts';
import type { Regulation } from '../schemas/regulation.ts';
import { anonymise, percent, type Cell, type PublishedFigures } from './anonymise.ts';
import type { ComplaintFacts } from './facts.ts';
import { countYear } from './figures.ts';

/** How many earlier years the trend shows besides the year itself. */
export const TREND_YEARS = 4;

/** One year of the trend, from that year's published figures only. */
export interface TrendRow {
  year: number;
  received: Cell;
  /** Steps done on time, of those done or past their deadline, in whole percent; null when a cell is withheld. */
  onTimePercent: number | null;
  /** Founded or partly founded, of those decided (founded, partly founded, unfounded); null when withheld. */
  foundedPercent: number | null;
}

/** MVZ's question: did preventive measures go with fewer complaints in that category afterwards? */
export interface PreventionRow {
  category: string;
  /** Preventive measures done in the year before. */
  measures: Cell;
  /** Complaints in the category in the year the measures were done, and in this year (published cells). */
  before: Cell;
  after: Cell;
}

/** Where the directors' evaluation of a year stands. */
export interface EvaluationState {
  /** `approved`, `draft` (file without approval) or `missing`. */
  status: 'approved' | 'draft' | 'missing';
  /** Last day to approve it: the year's end plus the regulation's `dueMonthsAfterYearEnd`; null when none is set. */
  due: IsoDate | null;
  /** Date approved. */
  approved: IsoDate | null;
}

/** One organisation's evaluation report: the `organisations[]` items of `klachten evaluate --json`. */
export interface OrganisationReport extends PublishedFigures {
  /** The threshold the figures were published with: counts from 1 to threshold-1 are shown as "< threshold". */
  threshold: number;
  trend: TrendRow[];
  prevention: PreventionRow[];
  evaluation: EvaluationState;
}

/** The whole report of `klachten evaluate --json`. */
export interface EvaluationReport {
  year: number;
  /** Counts from 1 to threshold-1 are shown as "< threshold". */
  threshold: number;
  /** The day steps and measures were counted as standing on. */
  asOf: IsoDate;
  organisations: OrganisationReport[];
}

/** Months after the year's end to approve a yearly evaluation when the regulation sets no number. */
const YEARLY_DUE_MONTHS = 3;

/**
 * The last day to approve the evaluation of `year` under a regulation: its `dueMonthsAfterYearEnd`, or
 * for a yearly cadence three months. A periodic evaluation without a set term has none (null).
 * @example evaluationDue({ evaluation: { cadence: 'yearly' } }, 2025) // '2026-03-31'
 */
export function evaluationDue(regulation: Pick<Regulation, 'evaluation'>, year: number): IsoDate | null {
  const { cadence, dueMonthsAfterYearEnd } = regulation.evaluation;
  const months = dueMonthsAfterYearEnd ?? (cadence === 'yearly' ? YEARLY_DUE_MONTHS : undefined);
  return months === undefined ? null : addMonths(`${String(year)}-12-31`, months);
}

/** The regulation that sets the evaluation of `year`: the version in force at the year's end. */
export function regulationForYear(regulations: RegulationSet, slug: string, year: number): Regulation | undefined {
  return versionInForce(regulations, slug, `${String(year)}-12-31`)?.regulation;
}

/** The state of an organisation's evaluation of `year`. */
export function evaluationState(
  regulation: Pick<Regulation, 'evaluation'>,
  year: number,
  evaluation: Evaluation | undefined,
): EvaluationState {
  return {
    status: evaluation === undefined ? 'missing' : evaluation.approval === undefined ? 'draft' : 'approved',
    due: evaluationDue(regulation, year),
    approved: evaluation?.approval?.on ?? null,
  };
}

/** The earliest year among one organisation's complaints, or `year` when it has none earlier. */
function firstYear(facts: readonly ComplaintFacts[], year: number): number {
  let first = year;
  for (const fact of facts) {
    const y = Number(fact.month.slice(0, 4));
    if (y < first) first = y;
  }
  return first;
}

/**
 * The anonymised evaluation of `year` for every organisation with a regulation in force by the year's
 * end (or only `organisation`): figures, trend and MVZ's questions, all from published cells.
 */
export function evaluationReport(options: {
  regulations: RegulationSet;
  facts: readonly ComplaintFacts[];
  evaluations: readonly Evaluation[];
  year: number;
  asOf: IsoDate;
  threshold: number;
  organisation?: string | undefined;
}): EvaluationReport {
  const { regulations, facts, evaluations, year, asOf, threshold } = options;
  const organisations: OrganisationReport[] = [];
  // Each organisation's years are counted from its own complaints only: one pass to sort them out.
  const bySlug = new Map<string, ComplaintFacts[]>();
  for (const fact of facts) {
    const own = bySlug.get(fact.organisation);
    if (own === undefined) bySlug.set(fact.organisation, [fact]);
    else own.push(fact);
  }
  for (const slug of [...regulations.keys()].sort()) {
    if (options.organisation !== undefined && slug !== options.organisation) continue;
    const regulation = regulationForYear(regulations, slug, year);
    if (regulation === undefined) continue;
    const own = bySlug.get(slug) ?? [];
    const publish = (r: Regulation, y: number): PublishedFigures =>
      anonymise(countYear({ regulation: r, year: y, facts: own, evaluations, asOf }), threshold);
    const figures = publish(regulation, year);
    const published = new Map<number, PublishedFigures | undefined>([[year, figures]]);
    const figuresOf = (y: number): PublishedFigures | undefined => {
      if (!published.has(y)) {
        const r = regulationForYear(regulations, slug, y);
        published.set(y, r === undefined ? undefined : publish(r, y));
      }
      return published.get(y);
    };
    const trend: TrendRow[] = [];
    for (let y = Math.max(firstYear(own, year), year - TREND_YEARS); y <= year; y += 1) {
      const f = figuresOf(y);
      if (f === undefined) continue;
      const stepCells = (key: string): Cell[] => f.steps.map((s) => s.counts.cells[key] ?? 0);
      const o = f.outcomes.cells;
      const founded = [o.gegrond ?? 0, o['deels-gegrond'] ?? 0];
      trend.push({
        year: y,
        received: f.received,
        onTimePercent: percent(stepCells('onTime'), [...stepCells('onTime'), ...stepCells('late'), ...stepCells('overdue')]),
        foundedPercent: percent(founded, [...founded, o.ongegrond ?? 0]),
      });
    }
    const previous = figuresOf(year - 1);
    const prevention: PreventionRow[] = Object.entries(previous?.preventiveDone ?? {}).map(([category, measures]) => ({
      category,
      measures,
      before: previous?.byCategory.cells[category] ?? 0,
      after: figures.byCategory.cells[category] ?? 0,
    }));
    const evaluation = evaluations.find((e) => e.organisation === slug && e.year === year);
    organisations.push({ ...figures, threshold, trend, prevention, evaluation: evaluationState(regulation, year, evaluation) });
  }
  return { year, threshold, asOf, organisations };
}
