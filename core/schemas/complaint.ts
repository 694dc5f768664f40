import { z } from 'zod';
import { ChannelSchema, IsoDateSchema, LoginSchema, personalData, SlugSchema, TermSchema } from './common.ts';

/** Complaint ids: `KL-<year>-<number>`, at least four digits. */
export const COMPLAINT_ID = /^KL-(\d{4})-(\d{4,})$/;

/** The complainant's details: personal data that never leaves the register. */
export const ComplainantSchema = z
  .strictObject({
    /** Full name. */
    name: z.string().min(1).optional(),
    email: z.email({ error: 'verwacht een e-mailadres' }).optional(),
    phone: z.string().min(1).optional(),
    /** Postal address, one string. */
    address: z.string().min(1).optional(),
    /** A representative acting for the complainant, if any. */
    representative: z.string().min(1).optional(),
  })
  .register(personalData, { description: 'gegevens van de klager' });

/** A step's completion: its date, or a date with a note. */
export const StepDoneSchema = z.union([
  IsoDateSchema,
  z.strictObject({
    /** Date the step was done. */
    on: IsoDateSchema,
    /** Free text for staff; may hold personal data. */
    note: z.string().optional().register(personalData, { description: 'notitie bij een stap' }),
  }),
]);

/** An extension (verlenging) of one step's deadline. */
export const ExtensionSchema = z.strictObject({
  /** The step whose deadline moves. */
  step: SlugSchema,
  amount: TermSchema.shape.amount,
  unit: TermSchema.shape.unit,
  /** Why; required by most regulations. */
  reason: z.string().min(1).optional().register(personalData, { description: 'reden van verlenging' }),
  /** Date the complainant was told. */
  notified: IsoDateSchema.optional(),
});
export type Extension = z.output<typeof ExtensionSchema>;

/** A suspension (opschorting): the clock pauses from `from` through `to`. */
export const SuspensionSchema = z.strictObject({
  /** First day of the pause. */
  from: IsoDateSchema,
  /** Last day of the pause; absent while it lasts. */
  to: IsoDateSchema.optional(),
  /** Why, e.g. waiting for information from the complainant. */
  reason: z.string().min(1).optional().register(personalData, { description: 'reden van opschorting' }),
  /** Only these steps; all open steps when absent. */
  steps: z.array(SlugSchema).optional(),
});
export type Suspension = z.output<typeof SuspensionSchema>;

/** A corrective or preventive measure (maatregel). */
export const MeasureSchema = z.strictObject({
  /** `corrective` (fixes this complaint) or `preventive` (prevents recurrence). */
  kind: z.enum(['corrective', 'preventive']),
  /** What is done; keep it free of personal data. Required, except in a record the retention term anonymised. */
  description: z.string().min(1).optional().register(personalData, { description: 'omschrijving van een maatregel' }),
  /** GitHub login of the person who carries it out (actienemer). */
  owner: LoginSchema.optional(),
  /** Due date. */
  due: IsoDateSchema.optional(),
  /** Date done. */
  done: IsoDateSchema.optional(),
  /** Whether the complainant was satisfied with it (MVZ's analysis asks). */
  satisfied: z.boolean().optional(),
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
  /** The body's name as in the regulation, e.g. "Nationale ombudsman". */
  body: z.string().min(1),
  /** Date the complaint went there. */
  on: IsoDateSchema,
  /** The body's ruling, when known. */
  outcome: z.enum(['gegrond', 'deels-gegrond', 'ongegrond', 'ingetrokken', 'schikking', 'niet-ontvankelijk']).optional(),
});
export type Escalation = z.output<typeof EscalationSchema>;

/** The record left when the retention term removed the personal data. */
export const AnonymisedSchema = z.strictObject({
  /** Date the personal data was removed. */
  on: IsoDateSchema,
  /** The retention term applied, in words, e.g. "2 jaar na afsluiting". */
  term: z.string().min(1),
});

/** The front matter of a complaint file, `register/complaints/**\/<id>.md`. */
export const ComplaintSchema = z.strictObject({
  /** `KL-<year>-<number>`; the file is named `<id>.md`. */
  id: z.string().regex(COMPLAINT_ID, { error: 'verwacht een id als KL-2026-0007' }),
  /** The slug of the organisation's regulation. */
  organisation: SlugSchema,
  /** Date received, Europe/Amsterdam. */
  received: IsoDateSchema,
  /** How it arrived. */
  channel: ChannelSchema,
  /** Written or oral. */
  form: z.enum(['written', 'oral']),
  /** The date on the complainant's letter (dagtekening), where the regulation asks for one. */
  dated: IsoDateSchema.optional().register(personalData, { description: 'dagtekening van de klachtbrief' }),
  complainant: ComplainantSchema.optional(),
  /** GitHub login of the handler (behandelaar); may be empty at intake. */
  handler: LoginSchema.optional(),
  /** Staff the complaint is about; the handler may not be among them. */
  involved: z.array(LoginSchema).default([]),
  /** A category from the organisation's list. */
  category: SlugSchema.optional(),
  /** Date the assignment (opdracht) ended, where the submission window counts from it. */
  assignmentEnded: IsoDateSchema.optional(),
  /** `false` when the complaint is not taken up (niet-ontvankelijk / niet in behandeling). */
  admissible: z.boolean().optional(),
  /** The outcome. */
  outcome: OutcomeSchema.optional(),
  /** Step id → date done, or `{on, note}`. */
  steps: z.record(z.string(), StepDoneSchema).default({}),
  /** Deadline extensions. */
  extensions: z.array(ExtensionSchema).default([]),
  /** Suspensions of the clock. */
  suspensions: z.array(SuspensionSchema).default([]),
  /** Corrective and preventive measures. */
  measures: z.array(MeasureSchema).default([]),
  /** Referral(s) to an external body: one, or a list. */
  escalation: z
    .union([EscalationSchema, z.array(EscalationSchema)])
    .optional()
    .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value])),
  /** Date the complaint was closed. */
  closed: IsoDateSchema.optional(),
  /** Set when the retention term removed the personal data. */
  anonymised: AnonymisedSchema.optional(),
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
