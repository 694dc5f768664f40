import { formatDate } from '../calendar/dutch.ts';
import type { IsoDate } from '../calendar/iso-date.ts';
import type { Regulation } from '../schemas/regulation.ts';
import { conditionText, countDeadline, deadlinePhrase } from './compute-steps.ts';
import type { RegulationVersion } from './regulation-set.ts';

/** The parts of a regulation the deadline finder needs; a page sends only these to the browser. */
export type ProcedureRegulation = Pick<Regulation, 'steps' | 'calendar'> & {
  complaint: Partial<Pick<Regulation['complaint'], 'submissionWindow'>>;
};

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
   * True when the date counts from an earlier step's latest date: the real date comes sooner when
   * that step is done sooner.
   */
  chained: boolean;
  /** How the date was computed, in Dutch. */
  explanation: string;
}

/** What the deadline finder shows for one date of receipt. */
export interface ProcedurePlan {
  received: IsoDate;
  steps: PlannedStep[];
  /** The last day to submit, when the regulation has a window and the end of the assignment is given. */
  submission?: { last: IsoDate; explanation: string };
}

/**
 * The procedure's rule for each step in plain Dutch ("binnen 5 werkdagen na ontvangst"), for pages
 * that show the rules without dates.
 */
export function stepRule(step: Regulation['steps'][number], regulation: Pick<Regulation, 'steps'>): string | null {
  return step.deadline ? `binnen ${deadlinePhrase(step.deadline, regulation)}` : null;
}

/**
 * The latest date of every per-complaint step when a complaint is received on `received` and every
 * step takes the longest time the regulation allows: what a complainant may expect at the latest.
 * The register's own engine counts the terms, so the site and the register never disagree.
 * @example
 * planProcedure(pit, '2026-04-01').steps[1] // { id: 'ontvangstbevestiging', due: '2026-04-10', … }
 */
export function planProcedure(
  version: { regulation: ProcedureRegulation; calendar: RegulationVersion['calendar'] },
  received: IsoDate,
  options: { assignmentEnded?: IsoDate } = {},
): ProcedurePlan {
  const { regulation } = version;
  const dates = new Map<string, IsoDate>();
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
      steps.push({ ...base, due: received, chained: false, explanation: `de dag van ontvangst, ${formatDate(received)}` });
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
      steps.push({ ...base, due: null, chained: fromStep, explanation: 'de termijn begint pas als die eerdere datum bekend is' });
      continue;
    }
    const counted = countDeadline(deadline, start, version);
    dates.set(step.id, counted.due);
    steps.push({ ...base, due: counted.due, chained: fromStep, explanation: counted.parts.join('; ') });
  }
  const window = regulation.complaint.submissionWindow;
  const plan: ProcedurePlan = { received, steps };
  if (window?.from === 'assignmentEnded' && options.assignmentEnded !== undefined) {
    const counted = countDeadline(window, options.assignmentEnded, version);
    plan.submission = { last: counted.due, explanation: counted.parts.join('; ') };
  }
  return plan;
}
