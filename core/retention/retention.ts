import { stringify } from 'yaml';
import { addMonths, type IsoDate } from '../calendar/iso-date.ts';
import { doneDate } from '../deadlines/compute-steps.ts';
import { OTHER } from '../evaluation/facts.ts';
import { versionInForce, type RegulationSet, type RegulationVersion } from '../deadlines/regulation-set.ts';
import { ComplaintSchema, type Complaint } from '../schemas/complaint.ts';
import type { Regulation } from '../schemas/regulation.ts';
import { personalPaths } from '../schemas/walk.ts';

type Retention = Regulation['retention'];

/**
 * The retention term in words, as written in the record's `anonymised.term`.
 * @example retentionTermText({ amount: 2, unit: 'years' }) // '2 jaar na afsluiting'
 */
export function retentionTermText(term: Pick<Retention, 'amount' | 'unit'>): string {
  const unit = term.unit === 'years' ? 'jaar' : term.amount === 1 ? 'maand' : 'maanden';
  return `${term.amount} ${unit} na afsluiting`;
}

/** What {@link retentionTermText} writes, optionally with the regulation version: nothing else is a term. */
const TERM_TEXT = /^\d{1,3} (?:jaar|maand|maanden) na afsluiting(?: \([a-z0-9]+(?:-[a-z0-9]+)*@[0-9A-Za-z.-]{1,20}\))?$/;

/**
 * Whether an `anonymised.term` is a term as retention writes it, and so holds no free text.
 * @example isRetentionTermText('2 jaar na afsluiting (coulant@1)') // true
 */
export function isRetentionTermText(term: string): boolean {
  return TERM_TEXT.test(term);
}

function termMonths(term: Pick<Retention, 'amount' | 'unit'>): number {
  return term.unit === 'years' ? term.amount * 12 : term.amount;
}

/** Where one complaint stands against its retention term. */
export interface RetentionState {
  /**
   * `expired`: closed and the term has run out, personal data still present;
   * `kept`: closed, within the term; `open`: not closed, so no term runs yet;
   * `anonymised`: the personal data was removed.
   */
  state: 'expired' | 'kept' | 'open' | 'anonymised';
  /** The term that applies, e.g. "2 jaar na afsluiting (coulant 2020-01-01)". */
  term: string;
  /** The first day the data may no longer be kept (closure plus the term); null while open. */
  expires: IsoDate | null;
  /** Open complaints received longer than the term ago: someone probably forgot `closed`. */
  staleOpen: boolean;
}

/**
 * The term that applies to a complaint: the shorter of the regulation version it was received under
 * and the version in force today. A shorter term adopted later also covers older complaints; a longer
 * one does not stretch what the complainant was promised.
 */
export function applicableTerm(
  regulations: RegulationSet,
  complaint: Pick<Complaint, 'organisation' | 'received'>,
  today: IsoDate,
): { version: RegulationVersion; retention: Retention } | undefined {
  const candidates = [
    versionInForce(regulations, complaint.organisation, complaint.received),
    versionInForce(regulations, complaint.organisation, today),
  ];
  let best: { version: RegulationVersion; retention: Retention } | undefined;
  for (const version of candidates) {
    if (version === undefined) continue;
    const retention = version.regulation.retention;
    if (best === undefined || termMonths(retention) < termMonths(best.retention)) best = { version, retention };
  }
  return best;
}

function termLabel(version: RegulationVersion, retention: Retention): string {
  return `${retentionTermText(retention)} (${version.key})`;
}

/**
 * Whether every value an anonymised record keeps is one {@link anonymisedComplaint} would write: steps,
 * extensions and suspensions of the version's steps, a category from the list, an escalation body the
 * regulation names (or {@link OTHER}). Anything else may be typed text, so the record goes again.
 */
function onlyKnownValues(complaint: Complaint, regulations: RegulationSet): boolean {
  const version = versionInForce(regulations, complaint.organisation, complaint.received);
  if (!version) return false;
  const { regulation } = version;
  const steps = new Set(regulation.steps.map((step) => step.id));
  const bodies = [...regulation.escalation.map((body) => body.name), OTHER];
  return (
    Object.keys(complaint.steps).every((id) => steps.has(id)) &&
    complaint.extensions.every((e) => steps.has(e.step)) &&
    complaint.suspensions.every((s) => (s.steps ?? []).every((id) => steps.has(id))) &&
    (complaint.category === undefined || regulation.organisation.categories.includes(complaint.category)) &&
    complaint.escalation.every((e) => bodies.includes(e.body))
  );
}

/** The retention state of one complaint on `today`; undefined when no regulation covers it. */
export function retentionState(complaint: Complaint, regulations: RegulationSet, today: IsoDate): RetentionState | undefined {
  const applied = applicableTerm(regulations, complaint, today);
  if (!applied) return undefined;
  const term = termLabel(applied.version, applied.retention);
  const months = termMonths(applied.retention);
  // A term in other words than retention's own may hold free text: such a record goes again.
  const anonymised = complaint.anonymised !== undefined && isRetentionTermText(complaint.anonymised.term);
  if (anonymised && personalPaths(ComplaintSchema, complaint).length === 0 && onlyKnownValues(complaint, regulations)) {
    return {
      state: 'anonymised',
      term,
      expires: complaint.closed === undefined ? null : addMonths(complaint.closed, months),
      staleOpen: false,
    };
  }
  if (complaint.closed === undefined) {
    return { state: 'open', term, expires: null, staleOpen: addMonths(complaint.received, months) <= today };
  }
  const expires = addMonths(complaint.closed, months);
  return { state: expires <= today ? 'expired' : 'kept', term, expires, staleOpen: false };
}

/**
 * The front matter that remains once the retention term has run out: exactly what the evaluation's
 * figures and the deadlines behind them need. Gone are the complainant, the letter's date, the staff
 * involved and the handler, every note, reason and measure description, and measure owners. An
 * escalation body the regulation does not name becomes {@link OTHER}, as the figures count it.
 *
 * It is an allowlist: only known fields with values it can classify. A step key that is not a step of
 * the version, an extension or suspension of such a step, and a category outside the organisation's
 * list are left out (a typed name or phone number can hide there); `anonymised.term` is the caller's.
 */
export function anonymisedComplaint(
  complaint: Complaint,
  version: Pick<RegulationVersion, 'regulation'>,
  anonymised: { on: IsoDate; term: string },
): Record<string, unknown> {
  const { regulation } = version;
  const stepsById = new Map(regulation.steps.map((step) => [step.id, step]));
  const steps: Record<string, IsoDate> = {};
  for (const id of Object.keys(complaint.steps)) {
    const step = stepsById.get(id);
    if (step) steps[id] = doneDate(complaint, step) ?? complaint.received;
  }
  const categories = regulation.organisation.categories;
  const needsAssignmentEnd = regulation.steps.some((step) => step.deadline?.from === 'assignmentEnded');
  const bodies = regulation.escalation.map((body) => body.name);
  const kept: Record<string, unknown> = {
    id: complaint.id,
    organisation: complaint.organisation,
    received: complaint.received,
    channel: complaint.channel,
    form: complaint.form,
    category: complaint.category !== undefined && categories.includes(complaint.category) ? complaint.category : undefined,
    assignmentEnded: needsAssignmentEnd ? complaint.assignmentEnded : undefined,
    admissible: complaint.admissible,
    outcome: complaint.outcome,
    steps: Object.keys(steps).length > 0 ? steps : undefined,
    extensions: list(
      complaint.extensions
        .filter((e) => stepsById.has(e.step))
        .map((e) => ({ step: e.step, amount: e.amount, unit: e.unit, notified: e.notified })),
    ),
    suspensions: list(
      complaint.suspensions.map((s) => ({ from: s.from, to: s.to, steps: s.steps?.filter((id) => stepsById.has(id)) })),
    ),
    measures: list(complaint.measures.map((m) => ({ kind: m.kind, due: m.due, done: m.done, satisfied: m.satisfied }))),
    escalation: list(
      complaint.escalation.map((e) => ({
        body: bodies.find((name) => name.toLowerCase() === e.body.toLowerCase()) ?? OTHER,
        on: e.on,
        outcome: e.outcome,
      })),
    ),
    closed: complaint.closed,
    anonymised: { on: anonymised.on, term: anonymised.term },
  };
  return withoutUndefined(kept);
}

function list<T>(items: T[]): T[] | undefined {
  return items.length > 0 ? items : undefined;
}

function withoutUndefined(value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined) continue;
    if (Array.isArray(item))
      out[key] = item.map((entry: unknown) =>
        entry !== null && typeof entry === 'object' ? withoutUndefined(entry as Record<string, unknown>) : entry,
      );
    else if (item !== null && typeof item === 'object') out[key] = withoutUndefined(item as Record<string, unknown>);
    else out[key] = item;
  }
  return out;
}

/**
 * The whole text of an anonymised complaint file: a comment saying what happened, the kept front
 * matter, and no body. Written fresh rather than edited, so no comment or stray text of the old file
 * can survive.
 */
export function anonymisedFileText(kept: Record<string, unknown>, anonymised: { on: IsoDate; term: string }): string {
  const yaml = stringify(kept, { lineWidth: 0, flowCollectionPadding: true });
  const comment = `# Bewaartermijn verstreken: op ${anonymised.on} zijn volgens de termijn van ${anonymised.term} de gegevens van de klager, de klachttekst, notities, redenen en omschrijvingen verwijderd. Wat overblijft telt mee in de jaarlijkse evaluatie.`;
  return `---\n${comment}\n${yaml}---\n`;
}
