import * as z from 'zod';
import {
  ChannelSchema,
  IsoDateSchema,
  LoginSchema,
  personalData,
  SlugSchema,
  TermAmountSchema,
  TermUnitSchema,
} from './common.ts';

/** Complaint ids: `KL-<year>-<number>`, at least four digits. */
export const COMPLAINT_ID = /^KL-(\d{4})-(\d{4,})$/;

/**
 * The id of a complaint registered on a branch, until it reaches main: `nieuw-` and six random letters
 * and digits, also its file name. Two colleagues registering at the same time never pick the same one;
 * `klachten number` gives it the next number once it is on main.
 */
export const PROVISIONAL_ID = /^nieuw-[a-z0-9]{6,12}$/;

export const ComplainantSchema = z
  .strictObject({
    name: z.string().min(1).optional().meta({ description: 'Full name.' }),
    email: z.email({ error: 'verwacht een e-mailadres' }).optional(),
    phone: z.string().min(1).optional(),
    address: z.string().min(1).optional().meta({ description: 'Postal address, one string.' }),
    representative: z.string().min(1).optional().meta({ description: 'A representative acting for the complainant, if any.' }),
  })
  .meta({ description: "The complainant's details: personal data that never leaves the register." })
  .register(personalData, { description: 'gegevens van de klager' });

/** A step's completion: its date, or a date with a note. */
export const StepDoneSchema = z.union([
  IsoDateSchema,
  z.strictObject({
    on: IsoDateSchema.meta({ description: 'Date the step was done.' }),
    note: z
      .string()
      .optional()
      .meta({ description: 'Free text for staff; may hold personal data.' })
      .register(personalData, { description: 'notitie bij een stap' }),
  }),
]);

/** An extension (verlenging) of one step's deadline. */
export const ExtensionSchema = z.strictObject({
  step: SlugSchema.meta({ description: 'The step whose deadline moves.' }),
  amount: TermAmountSchema,
  unit: TermUnitSchema,
  reason: z
    .string()
    .min(1)
    .optional()
    .meta({ description: 'Why; required by most regulations.' })
    .register(personalData, { description: 'reden van verlenging' }),
  notified: IsoDateSchema.optional().meta({ description: 'Date the complainant was told.' }),
});
export type Extension = z.output<typeof ExtensionSchema>;

/** A suspension (opschorting): the clock pauses from `from` through `to`. */
export const SuspensionSchema = z.strictObject({
  from: IsoDateSchema.meta({ description: 'First day of the pause.' }),
  to: IsoDateSchema.optional().meta({ description: 'Last day of the pause; absent while it lasts.' }),
  reason: z
    .string()
    .min(1)
    .optional()
    .meta({ description: 'Why, e.g. waiting for information from the complainant.' })
    .register(personalData, { description: 'reden van opschorting' }),
  steps: z.array(SlugSchema).optional().meta({ description: 'Only these steps; all open steps when absent.' }),
});
export type Suspension = z.output<typeof SuspensionSchema>;

/** A corrective or preventive measure (maatregel). */
export const MeasureSchema = z.strictObject({
  kind: z
    .enum(['corrective', 'preventive'])
    .meta({ description: '`corrective` (fixes this complaint) or `preventive` (prevents recurrence).' }),
  description: z
    .string()
    .min(1)
    .optional()
    .meta({
      description: 'What is done; keep it free of personal data. Required, except in a record the retention term anonymised.',
    })
    .register(personalData, { description: 'omschrijving van een maatregel' }),
  owner: LoginSchema.optional().meta({ description: 'GitHub login of the person who carries it out (actienemer).' }),
  due: IsoDateSchema.optional().meta({ description: 'Due date.' }),
  done: IsoDateSchema.optional().meta({ description: 'Date done.' }),
  satisfied: z.boolean().optional().meta({ description: "Whether the complainant was satisfied with it (MVZ's analysis asks)." }),
});
export type Measure = z.output<typeof MeasureSchema>;

/** Possible outcomes. */
export const OutcomeSchema = z.enum([
  'gegrond',
  'deels-gegrond',
  'ongegrond',
  'ingetrokken',
  'opgelost-in-overleg',
  'niet-ontvankelijk',
]);
export type Outcome = z.output<typeof OutcomeSchema>;

/** A referral to an external body. */
export const EscalationSchema = z.strictObject({
  body: z.string().min(1).meta({ description: 'The body\'s name as in the regulation, e.g. "Nationale ombudsman".' }),
  on: IsoDateSchema.meta({ description: 'Date the complaint went there.' }),
  outcome: z
    .enum(['gegrond', 'deels-gegrond', 'ongegrond', 'ingetrokken', 'schikking', 'niet-ontvankelijk'])
    .optional()
    .meta({ description: "The body's ruling, when known." }),
});
export type Escalation = z.output<typeof EscalationSchema>;

/** The record left when the retention term removed the personal data. */
export const AnonymisedSchema = z.strictObject({
  on: IsoDateSchema.meta({ description: 'Date the personal data was removed.' }),
  term: z.string().min(1).meta({ description: 'The retention term applied, in words, e.g. "2 jaar na afsluiting".' }),
});

/** The front matter of a complaint file, `register/complaints/**\/<id>.md`. */
export const ComplaintSchema = z.strictObject({
  id: z
    .string()
    .regex(/^(?:KL-\d{4}-\d{4,}|nieuw-[a-z0-9]{6,12})$/, {
      error: 'verwacht een id als KL-2026-0007 (of nieuw-… voor een klacht die nog geen nummer heeft)',
    })
    .meta({
      description:
        '`KL-<year>-<number>`, or `nieuw-<random>` until `klachten number` gives it a number on main; the file is named `<id>.md`.',
    }),
  organisation: SlugSchema.meta({ description: "The slug of the organisation's regulation." }),
  received: IsoDateSchema.meta({ description: 'Date received, Europe/Amsterdam.' }),
  channel: ChannelSchema.meta({ description: 'How it arrived.' }),
  form: z.enum(['written', 'oral']).meta({ description: 'Written or oral.' }),
  dated: IsoDateSchema.optional()
    .meta({ description: "The date on the complainant's letter (dagtekening), where the regulation asks for one." })
    .register(personalData, { description: 'dagtekening van de klachtbrief' }),
  complainant: ComplainantSchema.optional(),
  handler: LoginSchema.optional().meta({ description: 'GitHub login of the handler (behandelaar); may be empty at intake.' }),
  involved: z
    .array(LoginSchema)
    .default([])
    .meta({ description: 'Staff the complaint is about; the handler may not be among them.' }),
  category: SlugSchema.optional().meta({ description: "A category from the organisation's list." }),
  assignmentEnded: IsoDateSchema.optional().meta({
    description: 'Date the assignment (opdracht) ended, where the submission window counts from it.',
  }),
  admissible: z
    .boolean()
    .optional()
    .meta({ description: '`false` when the complaint is not taken up (niet-ontvankelijk / niet in behandeling).' }),
  outcome: OutcomeSchema.optional().meta({ description: 'The outcome.' }),
  steps: z.record(z.string(), StepDoneSchema).default({}).meta({ description: 'Step id → date done, or `{on, note}`.' }),
  extensions: z.array(ExtensionSchema).default([]).meta({ description: 'Deadline extensions.' }),
  suspensions: z.array(SuspensionSchema).default([]).meta({ description: 'Suspensions of the clock.' }),
  measures: z.array(MeasureSchema).default([]).meta({ description: 'Corrective and preventive measures.' }),
  escalation: z
    .union([EscalationSchema, z.array(EscalationSchema)])
    .optional()
    .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]))
    .meta({ description: 'Referral(s) to an external body: one, or a list.' }),
  closed: IsoDateSchema.optional().meta({ description: 'Date the complaint was closed.' }),
  anonymised: AnonymisedSchema.optional().meta({ description: 'Set when the retention term removed the personal data.' }),
});
export type Complaint = z.output<typeof ComplaintSchema>;

/** A complaint as read from the register: the front matter plus where it came from. */
export interface ComplaintRecord {
  /** Path relative to the working directory, as shown in messages. */
  file: string;
  /** Parsed front matter. */
  complaint: Complaint;
  /** The Markdown body: the complaint in the complainant's words (personal data). */
  body: string;
}
