import { daysBetween, type IsoDate } from '../calendar/iso-date.ts';
import { computeComplaintStatus, type ComplaintStatus, type StepState } from '../deadlines/compute-steps.ts';
import type { RegulationVersion } from '../deadlines/regulation-set.ts';
import type { Channel } from '../schemas/common.ts';
import type { Complaint, Outcome } from '../schemas/complaint.ts';

/** Where a step or measure stands for the figures. */
export type FactState = 'onTime' | 'late' | 'open' | 'overdue';

/** The category or escalation body used when the file's value is not one the regulation publishes. */
export const OTHER = 'overig';

/** One step with a deadline, as the figures need it. */
export interface StepFact {
  id: string;
  state: FactState;
  /** Calendar days from receipt to done, when done. */
  days: number | null;
  /** How many extensions this step had. */
  extensions: number;
}

/** One measure, as the figures need it. */
export interface MeasureFact {
  kind: 'corrective' | 'preventive';
  state: FactState;
  /** Month the measure was done (`YYYY-MM`), for MVZ's question whether prevention helped. */
  doneMonth: string | null;
  /** Whether the complainant was satisfied, when recorded. */
  satisfied: boolean | null;
}

/**
 * What the evaluation counts of one complaint: closed vocabularies, months and day counts only. No id,
 * name, login, free text or exact date, so nothing that identifies a complainant can reach the figures.
 */
export interface ComplaintFacts {
  organisation: string;
  /** Month received, `YYYY-MM`. */
  month: string;
  channel: Channel;
  form: 'written' | 'oral';
  /** A category from the regulation's list, {@link OTHER} for another value, null when none. */
  category: string | null;
  admissible: boolean;
  outcome: Outcome | null;
  escalations: { body: string; outcome: string | null }[];
  steps: StepFact[];
  /** Whether the clock was paused at least once. */
  suspended: boolean;
  measures: MeasureFact[];
}

const STATE: Partial<Record<StepState, FactState>> = {
  done: 'onTime',
  'done-late': 'late',
  open: 'open',
  'due-soon': 'open',
  overdue: 'overdue',
};

function month(date: IsoDate | null | undefined): string | null {
  return date == null ? null : date.slice(0, 7);
}

/**
 * The facts of one complaint under its regulation version, with steps and measures as they stand on
 * `asOf`. A caller that already computed the status on `asOf` passes it in.
 */
export function complaintFacts(
  complaint: Complaint,
  version: Pick<RegulationVersion, 'key' | 'regulation' | 'calendar'>,
  asOf: IsoDate,
  status: ComplaintStatus = computeComplaintStatus(complaint, version, asOf),
): ComplaintFacts {
  const { regulation } = version;
  const withDeadline = new Set(regulation.steps.filter((s) => s.deadline !== undefined).map((s) => s.id));
  const steps: StepFact[] = [];
  for (const step of status.steps) {
    const state = STATE[step.status];
    if (state === undefined || !withDeadline.has(step.id)) continue;
    steps.push({
      id: step.id,
      state,
      days: step.done === null ? null : daysBetween(complaint.received, step.done),
      extensions: complaint.extensions.filter((e) => e.step === step.id).length,
    });
  }
  const categories = regulation.organisation.categories;
  const bodies = regulation.escalation.map((b) => b.name);
  return {
    organisation: complaint.organisation,
    month: complaint.received.slice(0, 7),
    channel: complaint.channel,
    form: complaint.form,
    category: complaint.category === undefined ? null : categories.includes(complaint.category) ? complaint.category : OTHER,
    admissible: complaint.admissible !== false && complaint.outcome !== 'niet-ontvankelijk',
    outcome: complaint.outcome ?? null,
    escalations: complaint.escalation.map((e) => ({
      body: bodies.find((name) => name.toLowerCase() === e.body.toLowerCase()) ?? OTHER,
      outcome: e.outcome ?? null,
    })),
    steps,
    suspended: complaint.suspensions.length > 0,
    measures: status.measures.map((m, index) => ({
      kind: m.kind,
      state: STATE[m.status] ?? 'open',
      doneMonth: month(m.done),
      satisfied: complaint.measures[index]?.satisfied ?? null,
    })),
  };
}
