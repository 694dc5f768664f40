import type { Breakdown, RawFigures } from './figures.ts';

/**
 * A published count: the number, `"< 3"` for a count from 1 up to the threshold, or `"verborgen"` for a
 * cell hidden so that a total minus the visible cells does not give a small count away.
 */
export type Cell = number | `< ${number}` | 'verborgen';

/** The label of a cell hidden to protect another. */
export const HIDDEN = 'verborgen';

/**
 * The threshold of management's own figures (`klachten evaluate --internal`, the internal site):
 * nothing is small, nothing hidden. Directors may read the register itself; suppression protects
 * complainants in what is published.
 */
export const EXACT_THRESHOLD = 1;

/** The smallest threshold: below 3, "< 2" would simply mean 1. */
export const MIN_THRESHOLD = 3;

/** One step with a deadline, as published. */
export interface PublishedStep {
  id: string;
  title: string;
  /** Cells `onTime`, `late` (done late), `open` (deadline not passed), `overdue` (deadline passed, not done). */
  counts: Breakdown<Cell>;
  /** Share done on time of those whose deadline has passed or that are done, in whole percent; null when a cell is not shown. */
  onTimePercent: number | null;
  /** Median and 90th percentile of calendar days from receipt to done; null below the threshold. */
  medianDays: number | null;
  p90Days: number | null;
  extensions: Cell;
}

/** An organisation's anonymised figures for one year. */
export interface PublishedFigures {
  organisation: string;
  name: string;
  year: number;
  received: Cell;
  byQuarter: Breakdown<Cell>;
  byChannel: Breakdown<Cell>;
  byForm: Breakdown<Cell>;
  byCategory: Breakdown<Cell>;
  admissibility: Breakdown<Cell>;
  outcomes: Breakdown<Cell>;
  /** Complaints withdrawn: the `ingetrokken` cell of `outcomes`. */
  withdrawn: Cell;
  escalations: { byBody: Breakdown<Cell>; outcomes: Breakdown<Cell> };
  steps: PublishedStep[];
  /** Complaints whose clock was paused at least once. */
  suspensions: Cell;
  measures: { corrective: Breakdown<Cell>; preventive: Breakdown<Cell> };
  /** MVZ's question: was the complainant satisfied after a corrective measure? */
  correctiveSatisfaction: Breakdown<Cell>;
  /** Preventive measures done this year, by category (only categories that had any). */
  preventiveDone: Record<string, Cell>;
  improvementActions: { years: number[]; counts: Breakdown<number> };
}

/** How a small count is shown: "< 3". */
export function smallLabel(threshold: number): Cell {
  return `< ${String(threshold)}` as `< ${number}`;
}

/** A small count: shown as "< threshold". */
function isSmall(value: number, threshold: number): boolean {
  return value > 0 && value < threshold;
}

interface Shown {
  value: number;
  label: 'shown' | 'small' | 'hidden';
}

/**
 * Whether a cell shown as "< t" can be worked out from the total and the other cells: its possible values,
 * given the visible cells, "< t" meaning 1 to t-1 and "verborgen" meaning any count, come down to one.
 */
function exposed(cells: readonly Shown[], total: number, threshold: number): boolean {
  const hiddenCells = cells.filter((c) => c.label !== 'shown');
  const rest = total - cells.filter((c) => c.label === 'shown').reduce((sum, c) => sum + c.value, 0);
  const lo = (c: Shown): number => (c.label === 'small' ? 1 : 0);
  const hi = (c: Shown): number => (c.label === 'small' ? threshold - 1 : Infinity);
  const loSum = hiddenCells.reduce((sum, c) => sum + lo(c), 0);
  const hiSum = hiddenCells.reduce((sum, c) => sum + hi(c), 0);
  return hiddenCells.some((c) => {
    if (c.label !== 'small') return false;
    const max = Math.min(hi(c), rest - (loSum - lo(c)));
    const min = Math.max(lo(c), rest - (hiSum - hi(c)));
    return max <= min;
  });
}

/**
 * Suppresses a breakdown: counts from 1 to threshold-1 become "< t"; then, while a total minus the visible
 * cells would still pin one of them down, the smallest visible non-zero cell is hidden too; if that is not
 * enough, every cell is hidden. A total below the threshold hides all its cells, zeros included.
 */
export function protectBreakdown(raw: Breakdown<number>, threshold: number): Breakdown<Cell> {
  const small = smallLabel(threshold);
  const keys = Object.keys(raw.cells);
  if (isSmall(raw.total, threshold))
    return { total: small, cells: Object.fromEntries(keys.map((k) => [k, HIDDEN] as [string, Cell])) };
  const cells = keys.map((k): Shown => {
    const value = raw.cells[k] ?? 0;
    return { value, label: isSmall(value, threshold) ? 'small' : 'shown' };
  });
  while (exposed(cells, raw.total, threshold)) {
    const candidate = cells.filter((c) => c.label === 'shown' && c.value > 0).sort((a, b) => a.value - b.value)[0];
    if (candidate === undefined) {
      for (const c of cells) c.label = 'hidden';
      break;
    }
    candidate.label = 'hidden';
  }
  return {
    total: raw.total,
    cells: Object.fromEntries(
      cells.map(
        (c, i) => [keys[i] ?? '', c.label === 'shown' ? c.value : c.label === 'small' ? small : HIDDEN] as [string, Cell],
      ),
    ),
  };
}

/** A single count: "< t" when small. */
export function protectCount(value: number, threshold: number): Cell {
  return isSmall(value, threshold) ? smallLabel(threshold) : value;
}

/** The value at fraction `q` of sorted numbers (nearest rank). */
export function quantile(sorted: readonly number[], q: number): number {
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return sorted[rank - 1] ?? 0;
}

/** Whole percent of `part` in `whole`, from published cells only: null when one of them is not a number. */
export function percent(part: readonly Cell[], whole: readonly Cell[]): number | null {
  if (![...part, ...whole].every((c): c is number => typeof c === 'number')) return null;
  const denominator = (whole as number[]).reduce((a, b) => a + b, 0);
  if (denominator === 0) return null;
  return Math.round(((part as number[]).reduce((a, b) => a + b, 0) / denominator) * 100);
}

/**
 * The anonymised figures: counts only, small cells suppressed, and every share and statistic derived
 * from what is published or withheld below the threshold. Nothing in the input identifies anyone either
 * (see {@link ComplaintFacts}); this makes small groups unrecognisable too.
 */
export function anonymise(raw: RawFigures, threshold: number): PublishedFigures {
  if (!Number.isInteger(threshold) || (threshold < MIN_THRESHOLD && threshold !== EXACT_THRESHOLD))
    throw new RangeError(
      `de drempel moet een geheel getal van minstens ${String(MIN_THRESHOLD)} zijn (of ${String(EXACT_THRESHOLD)}: exact, intern)`,
    );
  const protect = (b: Breakdown<number>): Breakdown<Cell> => protectBreakdown(b, threshold);
  const outcomes = protect(raw.outcomes);
  const steps = raw.steps.map((step): PublishedStep => {
    const counts = protect(step.counts);
    const days = [...step.days].sort((a, b) => a - b);
    const enough = days.length >= threshold;
    const c = counts.cells;
    return {
      id: step.id,
      title: step.title,
      counts,
      onTimePercent: percent([c.onTime ?? 0], [c.onTime ?? 0, c.late ?? 0, c.overdue ?? 0]),
      medianDays: enough ? quantile(days, 0.5) : null,
      p90Days: enough ? quantile(days, 0.9) : null,
      extensions: protectCount(step.extensions, threshold),
    };
  });
  return {
    organisation: raw.organisation,
    name: raw.name,
    year: raw.year,
    received: protectCount(raw.received, threshold),
    byQuarter: protect(raw.byQuarter),
    byChannel: protect(raw.byChannel),
    byForm: protect(raw.byForm),
    byCategory: protect(raw.byCategory),
    admissibility: protect(raw.admissibility),
    outcomes,
    withdrawn: outcomes.cells.ingetrokken ?? 0,
    escalations: { byBody: protect(raw.escalations.byBody), outcomes: protect(raw.escalations.outcomes) },
    steps,
    suspensions: protectCount(raw.suspensions, threshold),
    measures: { corrective: protect(raw.measures.corrective), preventive: protect(raw.measures.preventive) },
    correctiveSatisfaction: protect(raw.correctiveSatisfaction),
    preventiveDone: Object.fromEntries(
      Object.entries(raw.preventiveDoneByCategory).map(([k, v]) => [k, protectCount(v, threshold)] as [string, Cell]),
    ),
    improvementActions: raw.improvementActions,
  };
}
