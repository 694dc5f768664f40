// Every Dutch label the register shows its readers (terminal, issues, pages), in one place: one table per
// closed vocabulary, typed by the core's own unions so that a new value cannot go without its label.
import type { TermUnit } from './calendar/term.ts';
import type { ComplaintState, StepState } from './deadlines/compute-steps.ts';
import type { FactState, OTHER } from './evaluation/facts.ts';
import type { EvaluationState } from './evaluation/report.ts';
import type { Channel } from './schemas/common.ts';
import type { Complaint, Escalation, Measure, Outcome } from './schemas/complaint.ts';
import type { RequiredContent } from './schemas/regulation.ts';

/** Dutch names of the channels through which a complaint arrives. */
export const CHANNEL_NAMES: Record<Channel, string> = {
  email: 'e-mail',
  post: 'post',
  'in-person': 'persoonlijk',
  phone: 'telefoon',
  'web-form': 'webformulier',
};

/** Dutch names of a step's status, as the terminal tables show them (`TE LAAT` stands out). */
export const STEP_STATUS_NAMES: Record<StepState, string> = {
  done: 'gedaan',
  'done-late': 'te laat gedaan',
  open: 'open',
  'due-soon': 'binnenkort',
  overdue: 'TE LAAT',
  'not-applicable': 'n.v.t.',
};

/** Dutch names of the status of a step with a running deadline, on the internal overview of open complaints. */
export const OPEN_STEP_STATUS_NAMES: Record<Extract<StepState, 'open' | 'due-soon' | 'overdue'>, string> = {
  open: 'loopt',
  'due-soon': 'binnenkort',
  overdue: 'te laat',
};

/** Dutch names of a complaint's state. */
export const COMPLAINT_STATE_NAMES: Record<ComplaintState, string> = {
  open: 'open',
  closed: 'afgesloten',
  withdrawn: 'ingetrokken',
};

/** Dutch names of a complaint's outcome, and `nog-geen` for a complaint without one (a cell of the figures). */
export const OUTCOME_NAMES: Record<Outcome | 'nog-geen', string> = {
  gegrond: 'gegrond',
  'deels-gegrond': 'deels gegrond',
  ongegrond: 'ongegrond',
  ingetrokken: 'ingetrokken',
  'opgelost-in-overleg': 'opgelost in overleg',
  'niet-ontvankelijk': 'niet-ontvankelijk',
  'nog-geen': 'nog geen uitkomst',
};

/** Dutch names of an external body's ruling, and `onbekend` while it is not known. */
export const ESCALATION_OUTCOME_NAMES: Record<NonNullable<Escalation['outcome']> | 'onbekend', string> = {
  gegrond: 'gegrond',
  'deels-gegrond': 'deels gegrond',
  ongegrond: 'ongegrond',
  ingetrokken: 'ingetrokken',
  schikking: 'schikking',
  'niet-ontvankelijk': 'niet-ontvankelijk',
  onbekend: 'uitspraak nog niet bekend',
};

/** Dutch names of the form of a complaint. */
export const FORM_NAMES: Record<Complaint['form'], string> = { written: 'schriftelijk', oral: 'mondeling' };

/** Dutch names of the kinds of measure. */
export const MEASURE_KIND_NAMES: Record<Measure['kind'], string> = { corrective: 'corrigerend', preventive: 'preventief' };

/** Dutch names of the units of a term or an extension: `[one, many]`, e.g. `['werkdag', 'werkdagen']`. */
export const TERM_UNIT_NAMES: Record<TermUnit, readonly [one: string, many: string]> = {
  days: ['dag', 'dagen'],
  weeks: ['week', 'weken'],
  months: ['maand', 'maanden'],
  workingDays: ['werkdag', 'werkdagen'],
};

/** The plural of each unit of {@link TERM_UNIT_NAMES} (`werkdagen`), for a unit shown on its own. */
export const TERM_UNIT_PLURALS = Object.fromEntries(
  Object.entries(TERM_UNIT_NAMES).map(([unit, [, many]]) => [unit, many]),
) as Record<TermUnit, string>;

/** What a complaint must contain, as a complainant reads it (the regulation's `requiredContent`). */
export const REQUIRED_CONTENT_NAMES: Record<RequiredContent, string> = {
  name: 'uw naam',
  contact: 'hoe wij u kunnen bereiken (e-mailadres of telefoonnummer)',
  address: 'uw adres',
  description: 'een omschrijving van de klacht: waarover u klaagt en wat er is gebeurd',
  dated: 'de datum',
};

/** How a complainant hands in a complaint through each channel, in plain Dutch (`per e-mail`). */
export const CHANNEL_ACTIONS: Record<Channel, string> = {
  email: 'per e-mail',
  post: 'per post',
  'in-person': 'persoonlijk (mondeling)',
  phone: 'telefonisch',
  'web-form': 'via het webformulier',
};

/** Dutch names of the quarters of the evaluation figures. */
export const QUARTER_NAMES: Record<'K1' | 'K2' | 'K3' | 'K4', string> = {
  K1: '1e kwartaal',
  K2: '2e kwartaal',
  K3: '3e kwartaal',
  K4: '4e kwartaal',
};

/** Dutch names of the categories the figures add to the regulation's own: another value, and none. */
export const CATEGORY_NAMES: Record<typeof OTHER | 'geen', string> = { overig: 'overig', geen: 'geen categorie' };

/** Dutch names of the admissibility cells of the figures. */
export const ADMISSIBILITY_NAMES: Record<'admissible' | 'inadmissible', string> = {
  admissible: 'in behandeling genomen',
  inadmissible: 'niet in behandeling genomen',
};

/** Dutch names of where a step, measure or earlier improvement action stands in the figures, as table rows. */
export const FACT_STATE_NAMES: Record<FactState, string> = {
  onTime: 'op tijd',
  late: 'te laat gedaan',
  open: 'loopt nog',
  overdue: 'termijn verstreken, nog open',
};

/** Column headers of the same states, for the tables of steps and measures (one column per state). */
export const FACT_STATE_HEADERS: Record<FactState, string> = {
  onTime: 'Op tijd',
  late: 'Te laat gedaan',
  open: 'Loopt nog',
  overdue: 'Verstreken, open',
};

/** Where one improvement action of an evaluation stands, in the words of the evaluation page. */
export const ACTION_STATE_NAMES: Record<FactState, string> = {
  onTime: 'uitgevoerd',
  late: 'uitgevoerd, na de datum',
  open: 'loopt',
  overdue: 'te laat, nog niet uitgevoerd',
};

/** Dutch names of whether the complainant was satisfied after a corrective measure. */
export const SATISFACTION_NAMES: Record<'satisfied' | 'notSatisfied' | 'unknown', string> = {
  satisfied: 'klager tevreden',
  notSatisfied: 'klager niet tevreden',
  unknown: 'niet vastgelegd',
};

/** Dutch names of where the directors' evaluation of a year stands. */
export const EVALUATION_STATUS_NAMES: Record<EvaluationState['status'], string> = {
  approved: 'goedgekeurd',
  draft: 'concept',
  missing: 'nog niet geschreven',
};

/** Dutch names of the cells of every breakdown of the figures, by breakdown; categories and bodies keep their own name. */
export const CELL_NAMES: Record<string, Record<string, string>> = {
  byQuarter: QUARTER_NAMES,
  byChannel: CHANNEL_NAMES,
  byForm: FORM_NAMES,
  byCategory: CATEGORY_NAMES,
  admissibility: ADMISSIBILITY_NAMES,
  outcomes: OUTCOME_NAMES,
  escalationOutcomes: ESCALATION_OUTCOME_NAMES,
  states: FACT_STATE_NAMES,
  satisfaction: SATISFACTION_NAMES,
};

/** The Dutch name of a cell in a group of {@link CELL_NAMES}; categories and bodies keep their own name. */
export function cellName(group: string, key: string): string {
  return CELL_NAMES[group]?.[key] ?? key;
}
