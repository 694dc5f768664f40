import { formatDate } from '../calendar/dutch.ts';
import type { IsoDate } from '../calendar/iso-date.ts';
import { addTerm } from '../calendar/term.ts';
import type { Regulation } from '../schemas/regulation.ts';
import { conditionText, countDeadline, deadlinePhrase } from './compute-steps.ts';
import type { RegulationVersion } from './regulation-set.ts';

/** The parts of a regulation the deadline finder needs; a page sends only these to the browser. */
export type ProcedureRegulation = Pick<Regulation, 'steps' | 'calendar' | 'extension'> & {
  complaint: Partial<Pick<Regulation['complaint'], 'submissionWindow'>>;
};

/** What an extension (verlenging) can do to a step's date. */
export interface PlannedExtension {
  /**
   * The latest date with every extension the regulation allows, or null when it limits neither the
   * length nor the number of extensions.
   */
  latest: IsoDate | null;
  /** True when this step's own term may be extended; false when it moves with an earlier step's. */
  own: boolean;
  /** The day by which the complainant hears of an extension of this step, where the regulation asks for notice. */
  noticeBy?: IsoDate;
  /** Whether the organisation must give its reason for an extension. */
  reasoned: boolean;
}

/** One step of a procedure as the deadline finder shows it. */
export interface PlannedStep {
  id: string;
  title: string;
  actor: string;
  /** The rule in plain Dutch, e.g. "binnen 5 werkdagen na ontvangst", or null without a deadline. */
  rule: string | null;
  /** When the step applies, e.g. "alleen als de klacht (deels) gegrond is", or null when always. */
  condition: string | null;
  /** The latest date for the step, or null when the regulation sets none or its start is not known. */
  due: IsoDate | null;
  /**
   * True when the term counts from an earlier step: with a date, the real date comes sooner when that
   * step is done sooner.
   */
  chained: boolean;
  /**
   * How the date was computed, in Dutch; without a date, the term and the event it counts from
   * ("2 weken na het oplossen van de klacht").
   */
  explanation: string;
  /** Present when an extension can move the date: of this step, or of the step it counts from. */
  extension?: PlannedExtension;
}

/** The regulation's window to submit a complaint, and whether the complaint falls inside it. */
export interface PlannedSubmission {
  /** The window in plain Dutch: "30 werkdagen na afronding van de opdracht". */
  rule: string;
  /** Once the end of the assignment is known: the last day to submit, how it was counted, and the verdict. */
  deadline?: { last: IsoDate; explanation: string; inTime: boolean };
}

/** What the deadline finder shows for one date of receipt. */
export interface ProcedurePlan {
  received: IsoDate;
  steps: PlannedStep[];
  /** Present when the regulation limits when a complaint may be submitted (Organize4all). */
  submission?: PlannedSubmission;
}

/** A regulation version as the finder has it: the procedure and its working-day calendar. */
interface PlanVersion {
  regulation: ProcedureRegulation;
  calendar: RegulationVersion['calendar'];
}

/**
 * The procedure's rule for each step in plain Dutch ("binnen 5 werkdagen na ontvangst"), for pages
 * that show the rules without dates.
 */
export function stepRule(step: Regulation['steps'][number], regulation: Pick<Regulation, 'steps'>): string | null {
  return step.deadline ? `binnen ${deadlinePhrase(step.deadline, regulation)}` : null;
}

/**
 * The latest date a term ending on `due` can reach with every extension the regulation allows: the
 * longest extension as often as allowed, counted one after the other as the register counts them.
 * Null when the regulation limits neither the length nor the number.
 * @example
 * extendedEnd('2026-03-30', { allowed: true, max: { amount: 4, unit: 'weeks' }, times: 1, … }, version) // '2026-04-27'
 */
function extendedEnd(due: IsoDate, version: PlanVersion): IsoDate | null {
  const { max, times } = version.regulation.extension;
  if (max === undefined || times === undefined) return null;
  const options = { atwRollForward: version.regulation.calendar.atwRollForward };
  let date = due;
  for (let i = 0; i < times; i += 1) date = addTerm(date, max, version.calendar, options).date;
  return date;
}

/**
 * The latest date of every per-complaint step when a complaint is received on `received` and every
 * step takes the longest time the regulation allows: what a complainant may expect at the latest.
 * Where the regulation allows an extension, each step it can move also gets its latest date with every
 * extension allowed. The register's own engine counts the terms, so the site and the register never
 * disagree.
 * @example
 * planProcedure(pit, '2026-04-01').steps[1] // { id: 'behandeling', due: '2026-04-15', … }
 * planProcedure(mvz, '2026-04-01').steps[6].extension // { latest: null, own: true, noticeBy: '2026-05-13', reasoned: true }
 */
export function planProcedure(
  version: PlanVersion,
  received: IsoDate,
  options: {
    assignmentEnded?: IsoDate;
    /** How the explanations write a date: `formatDate` ('wo 1 apr 2026') unless told otherwise. */
    formatDate?: (date: IsoDate) => string;
  } = {},
): ProcedurePlan {
  const { regulation } = version;
  const format = options.formatDate ?? formatDate;
  const policy = regulation.extension;
  const dates = new Map<string, IsoDate>();
  // The latest date with extensions, for steps an extension can move (null: no limit).
  const extended = new Map<string, IsoDate | null>();
  // Steps whose date is the receipt itself: a term from them is not a chain.
  const exact = new Set<string>();
  const steps: PlannedStep[] = [];
  for (const step of regulation.steps) {
    if (step.scope !== 'complaint') continue;
    const base = {
      id: step.id,
      title: step.title,
      actor: step.actor,
      rule: stepRule(step, regulation),
      condition: conditionText(step.condition),
    };
    if (step.auto === 'received') {
      dates.set(step.id, received);
      exact.add(step.id);
      steps.push({ ...base, due: received, chained: false, explanation: `de dag van ontvangst, ${format(received)}` });
      continue;
    }
    const deadline = step.deadline;
    if (!deadline) {
      steps.push({ ...base, due: null, chained: false, explanation: 'het reglement noemt hiervoor geen termijn' });
      continue;
    }
    const fromStep = deadline.from !== 'received' && deadline.from !== 'assignmentEnded' && !exact.has(deadline.from);
    const start =
      deadline.from === 'received'
        ? received
        : deadline.from === 'assignmentEnded'
          ? options.assignmentEnded
          : dates.get(deadline.from);
    if (start === undefined) {
      // The term counts from an event without a date (MVZ: the report, 2 weeks after the complaint is resolved).
      steps.push({ ...base, due: null, chained: fromStep, explanation: deadlinePhrase(deadline, regulation) });
      continue;
    }
    const counted = countDeadline(deadline, start, version, format);
    dates.set(step.id, counted.due);
    const planned: PlannedStep = { ...base, due: counted.due, chained: fromStep, explanation: counted.parts.join('; ') };
    const own = policy.allowed && (policy.steps === undefined || policy.steps.includes(step.id));
    const moved = extended.get(deadline.from);
    if (own || moved !== undefined) {
      // From an earlier step that may be extended: count from its latest date, then extend this one.
      const from = moved === undefined ? counted.due : moved === null ? null : countDeadline(deadline, moved, version).due;
      const latest = from === null ? null : own ? extendedEnd(from, version) : from;
      extended.set(step.id, latest);
      planned.extension = {
        latest,
        own,
        ...(own && policy.noticeBeforeDeadline ? { noticeBy: counted.due } : {}),
        reasoned: policy.reasonRequired,
      };
    }
    steps.push(planned);
  }
  const plan: ProcedurePlan = { received, steps };
  const window = regulation.complaint.submissionWindow;
  if (window?.from === 'assignmentEnded') {
    plan.submission = { rule: deadlinePhrase(window, regulation) };
    if (options.assignmentEnded !== undefined) {
      const counted = countDeadline(window, options.assignmentEnded, version, format);
      plan.submission.deadline = { last: counted.due, explanation: counted.parts.join('; '), inTime: received <= counted.due };
    }
  }
  return plan;
}
