import { formatDate, formatTerm, joinDutch } from '../calendar/dutch.ts';
import { addDays, daysBetween, type IsoDate } from '../calendar/iso-date.ts';
import { addTerm, type Term } from '../calendar/term.ts';
import { addWorkingDays, countWorkingDays, type SkippedDay, type WorkingCalendar } from '../calendar/working-calendar.ts';
import type { Complaint } from '../schemas/complaint.ts';
import type { Regulation, Step, StepCondition } from '../schemas/regulation.ts';
import type { DiagnosticCode } from '../register/codes.ts';
import { checkAdjustments } from './adjustments.ts';
import type { RegulationVersion } from './regulation-set.ts';

/** Where a step stands. */
export type StepState = 'done' | 'done-late' | 'open' | 'due-soon' | 'overdue' | 'not-applicable';

/** A complaint's state. */
export type ComplaintState = 'open' | 'closed' | 'withdrawn';

/** One step of one complaint, with its computed deadline. */
export interface StepStatus {
  /** Step id. */
  id: string;
  /** Step title from the regulation. */
  title: string;
  /** Who acts. */
  actor: string;
  /** Due date, or null when the step has no deadline or its start is not known yet. */
  due: IsoDate | null;
  /** Date done, or null. */
  done: IsoDate | null;
  /** Where the step stands on `today`. */
  status: StepState;
  /** How the due date was computed, in Dutch. */
  explanation: string;
}

/** One measure (maatregel) of a complaint: who carries it out and when it is due. Its text stays in the file. */
export interface MeasureStatus {
  /** Its place in the file's `measures` list, from 1. */
  number: number;
  kind: 'corrective' | 'preventive';
  /** Login of whoever carries it out; the handler when the measure names no owner. */
  owner: string | null;
  due: IsoDate | null;
  done: IsoDate | null;
  /** Where the measure stands on `today`; `open` without a due date. */
  status: Exclude<StepState, 'not-applicable'>;
}

/** A complaint's computed status. */
export interface ComplaintStatus {
  id: string;
  organisation: string;
  /** The regulation version applied, `<slug>@<version>`. */
  regulation: string;
  received: IsoDate;
  state: ComplaintState;
  handler: string | null;
  steps: StepStatus[];
  /** Measures, in file order. A measure stays due after the complaint is closed. */
  measures: MeasureStatus[];
  /**
   * Extensions and suspensions `klachten check` rejects, left out of every due date; only present when
   * there are any.
   */
  notApplied?: NotApplied[];
}

/** An extension or suspension the deadlines leave out, and the code of the first finding against it. */
export interface NotApplied {
  field: 'extensions' | 'suspensions';
  /** Its place in the file's list, from 0. */
  index: number;
  code: DiagnosticCode;
}

/** Steps due within this many working days count as due soon. */
export const DUE_SOON_WORKING_DAYS = 5;

/** When a conditional step applies, in plain Dutch. */
export const CONDITION_TEXT: Record<StepCondition, string> = {
  admissible: 'alleen als de klacht in behandeling wordt genomen',
  inadmissible: 'alleen als de klacht niet in behandeling wordt genomen',
  founded: 'alleen als de klacht (deels) gegrond is',
  unfounded: 'alleen als de klacht ongegrond is',
  measures: 'alleen als er maatregelen zijn',
  escalated: 'alleen als de klager de afhandeling voorlegt aan een ander',
};

/**
 * The plain-Dutch condition of a step, or null when it always applies: a complaint counts as
 * admissible until recorded otherwise, so that condition needs no mention.
 */
export function conditionText(condition: StepCondition | undefined): string | null {
  return condition === undefined || condition === 'admissible' ? null : CONDITION_TEXT[condition];
}

/**
 * Whether a step's condition holds for a complaint. Unknown facts take the usual course: a complaint
 * is admissible until recorded otherwise; founded/unfounded hold only once the outcome says so.
 */
export function conditionHolds(condition: StepCondition | undefined, complaint: Complaint): boolean {
  switch (condition) {
    case undefined:
      return true;
    case 'admissible':
      return complaint.admissible !== false && complaint.outcome !== 'niet-ontvankelijk';
    case 'inadmissible':
      return complaint.admissible === false || complaint.outcome === 'niet-ontvankelijk';
    case 'founded':
      return complaint.outcome === 'gegrond' || complaint.outcome === 'deels-gegrond';
    case 'unfounded':
      return complaint.outcome === 'ongegrond';
    case 'measures':
      return complaint.measures.length > 0;
    case 'escalated':
      return complaint.escalation.length > 0;
  }
}

/** The date a step was done, from the complaint's `steps` (or the receipt for `auto: received`). */
export function doneDate(complaint: Complaint, step: Pick<Step, 'id' | 'auto'>): IsoDate | undefined {
  if (step.auto === 'received') return complaint.received;
  const value = complaint.steps[step.id];
  if (value === undefined) return undefined;
  return typeof value === 'string' ? value : value.on;
}

/** A complaint's state from its outcome and closing date. */
export function complaintState(complaint: Pick<Complaint, 'outcome' | 'closed'>): ComplaintState {
  if (complaint.outcome === 'ingetrokken') return 'withdrawn';
  return complaint.closed === undefined ? 'open' : 'closed';
}

function skippedText(skipped: readonly SkippedDay[]): string {
  if (skipped.length === 0) return '';
  const names = [...new Set(skipped.map((s) => s.name))];
  return `; ${joinDutch(names)} ${names.length === 1 ? 'telt' : 'tellen'} niet mee`;
}

function describeStart(from: string, regulation: Pick<Regulation, 'steps'>): string {
  if (from === 'received') return 'na ontvangst';
  if (from === 'assignmentEnded') return 'na afronding van de opdracht';
  const step = regulation.steps.find((s) => s.id === from);
  return `na ${step?.event ?? `de stap '${step?.title ?? from}'`}`;
}

/**
 * A deadline in plain Dutch, without "binnen".
 * @example deadlinePhrase({ amount: 5, unit: 'workingDays', from: 'received' }, regulation) // '5 werkdagen na ontvangst'
 */
export function deadlinePhrase(deadline: Term & { from: string }, regulation: Pick<Regulation, 'steps'>): string {
  return `${formatTerm(deadline)} ${describeStart(deadline.from, regulation)}`;
}

/**
 * Counts a step's term from its start date, with the reasons in Dutch (holidays not counted, Atw
 * roll-forward). Shared by the register's status and the site's deadline finder, which writes its
 * dates in full (`format`).
 */
export function countDeadline(
  deadline: Term & { from: string },
  start: IsoDate,
  version: { regulation: Pick<Regulation, 'steps' | 'calendar'>; calendar: WorkingCalendar },
  format: (date: IsoDate) => string = formatDate,
): { due: IsoDate; parts: string[] } {
  const term: Term = { amount: deadline.amount, unit: deadline.unit };
  const base = addTerm(start, term, version.calendar, { atwRollForward: version.regulation.calendar.atwRollForward });
  const parts = [`${deadlinePhrase(deadline, version.regulation)} op ${format(start)}${skippedText(base.skipped)}`];
  if (base.rolledFrom !== undefined) {
    parts.push(`${format(base.rolledFrom)} is geen werkdag: volgens de Algemene termijnenwet doorgeschoven`);
  }
  return { due: base.date, parts };
}

function startDate(from: string, complaint: Complaint, regulation: Regulation): IsoDate | undefined {
  if (from === 'received') return complaint.received;
  if (from === 'assignmentEnded') return complaint.assignmentEnded;
  const step = regulation.steps.find((s) => s.id === from);
  return step ? doneDate(complaint, step) : undefined;
}

const NO_TERM: Readonly<StepDeadline> = Object.freeze({ due: null, explanation: 'geen termijn in het reglement' });

/** A step's due date and how it came about. */
interface StepDeadline {
  due: IsoDate | null;
  explanation: string;
}

/**
 * Deadlines that depend on their start date alone, by step and start date (for the calendar they were
 * counted with, one per regulation version): the same for every complaint received that day.
 */
const plainDeadlines = new WeakMap<Step, { calendar: WorkingCalendar; byStart: Map<IsoDate, Readonly<StepDeadline>> }>();

/**
 * The deadline of a step without an extension or suspension: its term counted from `start`, computed
 * once per version, step and start date (100,000 complaints have about a thousand receipt dates).
 */
function plainDeadline(
  step: Step,
  deadline: NonNullable<Step['deadline']>,
  start: IsoDate,
  version: Pick<RegulationVersion, 'regulation' | 'calendar'>,
): Readonly<StepDeadline> {
  let known = plainDeadlines.get(step);
  if (known?.calendar !== version.calendar) {
    known = { calendar: version.calendar, byStart: new Map() };
    plainDeadlines.set(step, known);
  }
  let deadlineOf = known.byStart.get(start);
  if (!deadlineOf) {
    const { due, parts } = countDeadline(deadline, start, version);
    deadlineOf = Object.freeze(explained(due, parts));
    known.byStart.set(start, deadlineOf);
  }
  return deadlineOf;
}

/** The due date of one step and how it came about, or null with the reason. */
export function stepDeadline(
  step: Step,
  complaint: Complaint,
  version: Pick<RegulationVersion, 'regulation' | 'calendar'>,
  today: IsoDate,
): Readonly<StepDeadline> {
  const { regulation, calendar } = version;
  const deadline = step.deadline;
  if (!deadline) return NO_TERM;
  const start = startDate(deadline.from, complaint, regulation);
  if (start === undefined) {
    return { due: null, explanation: `${deadlinePhrase(deadline, regulation)}; de termijn start zodra die datum bekend is` };
  }
  if (complaint.suspensions.length === 0 && !complaint.extensions.some((extension) => extension.step === step.id))
    return plainDeadline(step, deadline, start, version);
  const term: Term = { amount: deadline.amount, unit: deadline.unit };
  const options = { atwRollForward: regulation.calendar.atwRollForward };
  const counted = countDeadline(deadline, start, version);
  let due = counted.due;
  const parts = counted.parts;
  for (const extension of complaint.extensions) {
    if (extension.step !== step.id) continue;
    const extended = addTerm(due, extension, calendar, options);
    parts.push(`verlengd met ${formatTerm(extension)}${skippedText(extended.skipped)}`);
    due = extended.date;
  }
  const done = doneDate(complaint, step);
  const suspensions =
    complaint.suspensions.length === 0 ? [] : [...complaint.suspensions].sort((a, b) => (a.from < b.from ? -1 : 1));
  // The term counts from the day after `start`: a pause only moves it for the days it covers from then on.
  const counting = suspensions.length === 0 ? start : addDays(start, 1);
  for (const suspension of suspensions) {
    if (suspension.steps !== undefined && !suspension.steps.includes(step.id)) continue;
    const from = suspension.from < counting ? counting : suspension.from;
    if (from > due) continue;
    if (done !== undefined && done < from) continue;
    const last = suspension.to ?? (today >= from ? today : undefined);
    if (last === undefined || last < from) continue;
    const ongoing = suspension.to === undefined ? ' (loopt nog)' : '';
    if (term.unit === 'workingDays') {
      const days = countWorkingDays(from, last, calendar);
      due = addWorkingDays(due, days, calendar).date;
      parts.push(
        `opgeschort van ${formatDate(from)} t/m ${formatDate(last)}${ongoing}: ${formatTerm({ amount: days, unit: 'workingDays' })} later`,
      );
    } else {
      const days = daysBetween(from, last) + 1;
      due = addDays(due, days);
      parts.push(
        `opgeschort van ${formatDate(from)} t/m ${formatDate(last)}${ongoing}: ${formatTerm({ amount: days, unit: 'days' })} later`,
      );
    }
  }
  return explained(due, parts);
}

/** A due date with how it came about: the parts of the count, and the date itself when there are several. */
function explained(due: IsoDate, parts: string[]): StepDeadline {
  if (parts.length > 1) parts.push(`uiterlijk ${formatDate(due)}`);
  return { due, explanation: parts.join('; ') };
}

const soonLimits = new WeakMap<WorkingCalendar, { today: IsoDate; limit: IsoDate }>();

/** The last date that counts as due soon on `today`, cached per calendar (one per regulation version). */
function dueSoonLimit(calendar: WorkingCalendar, today: IsoDate): IsoDate {
  const cached = soonLimits.get(calendar);
  if (cached?.today === today) return cached.limit;
  const limit = addWorkingDays(today, DUE_SOON_WORKING_DAYS, calendar).date;
  soonLimits.set(calendar, { today, limit });
  return limit;
}

/** The steps of a regulation that each complaint has, in order; worked out once per regulation. */
const stepsPerComplaint = new WeakMap<Pick<Regulation, 'steps'>, Step[]>();

function complaintSteps(regulation: Pick<Regulation, 'steps'>): Step[] {
  let steps = stepsPerComplaint.get(regulation);
  if (!steps) stepsPerComplaint.set(regulation, (steps = regulation.steps.filter((step) => step.scope === 'complaint')));
  return steps;
}

/** Why a step does not apply: its condition does not hold, or the complaint is closed or withdrawn. */
const NOT_APPLICABLE: Record<StepCondition | Exclude<ComplaintState, 'open'>, string> = {
  ...(Object.fromEntries(
    Object.entries(CONDITION_TEXT).map(([condition, text]) => [condition, `niet van toepassing: ${text}`]),
  ) as Record<StepCondition, string>),
  withdrawn: 'niet van toepassing: de klacht is ingetrokken',
  closed: 'niet van toepassing: de klacht is afgesloten',
};

/** ` (<condition>)` after an open step's explanation, or nothing; once per step. */
const conditionSuffixes = new WeakMap<Step, string>();

function conditionSuffix(step: Step): string {
  let suffix = conditionSuffixes.get(step);
  if (suffix === undefined) {
    const condition = conditionText(step.condition);
    suffix = condition === null ? '' : ` (${condition})`;
    conditionSuffixes.set(step, suffix);
  }
  return suffix;
}

/** Where a step or measure stands that was done on `done`, against its due date. */
function doneState(done: IsoDate, due: IsoDate | null): 'done' | 'done-late' {
  return due !== null && done > due ? 'done-late' : 'done';
}

/** Where an open step or measure stands on `today`, against its due date and the due-soon limit. */
function openState(due: IsoDate | null, today: IsoDate, soonLimit: IsoDate): 'open' | 'due-soon' | 'overdue' {
  if (due === null) return 'open';
  return today > due ? 'overdue' : due <= soonLimit ? 'due-soon' : 'open';
}

/** A step status, written out whole in the order of the JSON output: every one has the same shape. */
function stepStatus(step: Step, due: IsoDate | null, done: IsoDate | null, status: StepState, explanation: string): StepStatus {
  return { id: step.id, title: step.title, actor: step.actor, due, done, status, explanation };
}

/**
 * Computes every per-complaint step of a complaint under its regulation version, on `today`.
 * Pure: no clock, no files; the same input gives the same output in any time zone.
 * @example
 * computeComplaintStatus(complaint, version, '2026-03-20').steps[0]
 * // { id: 'ontvangstbevestiging', due: '2026-03-09', status: 'done', explanation: '5 werkdagen na ontvangst op ma 2 mrt 2026', … }
 */
export function computeComplaintStatus(
  original: Complaint,
  version: Pick<RegulationVersion, 'key' | 'regulation' | 'calendar'>,
  today: IsoDate,
): ComplaintStatus {
  // What `klachten check` rejects does not move a deadline: status and check never disagree.
  const notApplied: NotApplied[] = [];
  for (const { field, index, code } of checkAdjustments(original, version, today))
    if (!notApplied.some((n) => n.field === field && n.index === index)) notApplied.push({ field, index, code });
  const left = (field: NotApplied['field'], index: number) => !notApplied.some((n) => n.field === field && n.index === index);
  const complaint =
    notApplied.length === 0
      ? original
      : {
          ...original,
          extensions: original.extensions.filter((_, index) => left('extensions', index)),
          suspensions: original.suspensions.filter((_, index) => left('suspensions', index)),
        };
  const state = complaintState(complaint);
  const soonLimit = dueSoonLimit(version.calendar, today);
  const steps = complaintSteps(version.regulation).map((step): StepStatus => {
    const done = doneDate(complaint, step) ?? null;
    const { due, explanation } = stepDeadline(step, complaint, version, today);
    if (done !== null) return stepStatus(step, due, done, doneState(done, due), explanation);
    if (!conditionHolds(step.condition, complaint))
      return stepStatus(step, due, done, 'not-applicable', NOT_APPLICABLE[step.condition ?? 'admissible']);
    if (state !== 'open') return stepStatus(step, due, done, 'not-applicable', NOT_APPLICABLE[state]);
    return stepStatus(step, due, done, openState(due, today, soonLimit), explanation + conditionSuffix(step));
  });
  const measures = complaint.measures.map((measure, index): MeasureStatus => {
    const due = measure.due ?? null;
    const done = measure.done ?? null;
    const status = done === null ? openState(due, today, soonLimit) : doneState(done, due);
    return { number: index + 1, kind: measure.kind, owner: measure.owner ?? complaint.handler ?? null, due, done, status };
  });
  // Object literals written out, not spread: JSON.stringify, which writes every status, is quicker on
  // objects made in one go (about a fifth, measured on 20,000 statuses).
  const status: ComplaintStatus = {
    id: complaint.id,
    organisation: complaint.organisation,
    regulation: version.key,
    received: complaint.received,
    state,
    handler: complaint.handler ?? null,
    steps,
    measures,
  };
  if (notApplied.length > 0) status.notApplied = notApplied;
  return status;
}
