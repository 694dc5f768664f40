import * as z from 'zod';
import { ChannelSchema, IsoDateSchema, SlugSchema, TermSchema } from './common.ts';

/** Where a deadline counts from: the receipt, the end of the assignment, or another step's date. */
export const DeadlineSchema = TermSchema.extend({
  from: z.string().min(1).meta({ description: '`received`, `assignmentEnded` or the id of an earlier step.' }),
});
export type Deadline = z.output<typeof DeadlineSchema>;

/** When a step applies; without a condition it always does. */
export const StepConditionSchema = z.enum(['admissible', 'inadmissible', 'founded', 'unfounded', 'measures', 'escalated']);
export type StepCondition = z.output<typeof StepConditionSchema>;

/** One step of the procedure. */
export const StepSchema = z.strictObject({
  id: SlugSchema.meta({ description: "Stable id, used as the key in a complaint's `steps`." }),
  title: z.string().min(1).meta({ description: 'Short Dutch title, e.g. "Ontvangstbevestiging".' }),
  actor: z.string().min(1).meta({ description: 'Who acts, e.g. "behandelaar", "directie", "indiener".' }),
  description: z.string().optional().meta({ description: 'What happens, in plain Dutch, for the timeline on the site.' }),
  deadline: DeadlineSchema.optional().meta({ description: 'The deadline, if the regulation sets one.' }),
  condition: StepConditionSchema.optional().meta({ description: 'Only when this holds for the complaint.' }),
  event: z
    .string()
    .optional()
    .meta({ description: 'How a later deadline names this step\'s moment: "na het oplossen van de klacht".' }),
  auto: z
    .literal('received')
    .optional()
    .meta({ description: '`received`: the step is the receipt itself and is done on the received date.' }),
  scope: z
    .enum(['complaint', 'evaluation'])
    .default('complaint')
    .meta({ description: '`evaluation`: done once per evaluation by the management, not per complaint.' }),
  article: z
    .string()
    .optional()
    .meta({ description: 'Anchor of the article in the text that sets this step, e.g. `artikel-4`.' }),
});
export type Step = z.output<typeof StepSchema>;

/** What a complaint must contain to be taken up. */
export const RequiredContentSchema = z.enum(['name', 'contact', 'address', 'description', 'dated']);
export type RequiredContent = z.output<typeof RequiredContentSchema>;

/**
 * A setting the source regulation does not state, which the register adds: marked so that nobody takes
 * it for the organisation's own rule.
 */
export const OwnChoiceSchema = z.strictObject({
  setting: z
    .string()
    .regex(/^[A-Za-z]+(?:\.[A-Za-z0-9-]+)*$/, 'schrijf de instelling als pad, bijvoorbeeld extension.noticeBeforeDeadline')
    .meta({ description: 'The setting, as a path in this front matter: `extension.noticeBeforeDeadline`.' }),
  reason: z
    .string()
    .min(1)
    .meta({ description: 'Why the register sets it, in Dutch: the site shows it under "Aanvullingen van het register".' }),
  basis: z.string().min(1).optional().meta({ description: 'The legal basis, if any, e.g. "Awb art. 9:11 lid 2".' }),
});
export type OwnChoice = z.output<typeof OwnChoiceSchema>;

export const OrganisationSchema = z
  .strictObject({
    name: z.string().min(1).meta({ description: 'Full name, e.g. "PIT re-integratie & coaching".' }),
    slug: SlugSchema.meta({ description: 'Short id used in complaint files and URLs.' }),
    contact: z
      .strictObject({
        addressee: z
          .string()
          .optional()
          .meta({ description: 'Role or department that receives complaints, e.g. "de directie".' }),
        email: z.email().optional(),
        phone: z.string().optional(),
        address: z.string().optional().meta({ description: 'Postal address, one string.' }),
        website: z.url().optional(),
      })
      .default({})
      .meta({ description: 'How complaints reach the organisation (public contact details only).' }),
    categories: z
      .array(SlugSchema)
      .default([])
      .meta({ description: 'Categories a complaint may be filed under; empty means free.' }),
  })
  .meta({ description: 'The organisation a regulation belongs to.' });

/** An external body a complainant can turn to. */
export const EscalationBodySchema = z.strictObject({
  name: z.string().min(1).meta({ description: 'Name, e.g. "Nationale ombudsman".' }),
  url: z.url().optional().meta({ description: 'Its website.' }),
  when: z.string().min(1).meta({ description: 'When to go there, in plain Dutch.' }),
});

/** The front matter of a regulation file: its procedure as data. */
export const RegulationSchema = z
  .strictObject({
    title: z.string().min(1).meta({ description: 'Title of the regulation.' }),
    summary: z.string().min(1).meta({ description: 'One-paragraph summary for listings.' }),
    organisation: OrganisationSchema,
    version: z.string().min(1).meta({ description: 'Version label, e.g. "1" or "2024-02".' }),
    effective: IsoDateSchema.meta({ description: 'Date the version takes effect ("van kracht vanaf").' }),
    effectiveNote: z
      .string()
      .optional()
      .meta({ description: 'Where the effective date comes from when the source does not state one.' }),
    changes: z.string().optional().meta({ description: 'What changed compared with the previous version.' }),
    complaint: z
      .strictObject({
        channels: z.array(ChannelSchema).min(1).meta({ description: 'Channels accepted.' }),
        oral: z.boolean().meta({ description: 'Whether an oral complaint counts as a complaint under this regulation.' }),
        requiredContents: z.array(RequiredContentSchema).default([]).meta({ description: 'What a complaint must contain.' }),
        submissionWindow: DeadlineSchema.optional().meta({
          description: 'Latest moment to submit, e.g. 30 working days after the assignment ended.',
        }),
      })
      .meta({ description: 'How a complaint is made.' }),
    independence: z.string().min(1).meta({ description: 'The independence rule for handlers, in plain Dutch.' }),
    independenceRule: z.enum(['not-involved', 'involved-first', 'none']).default('not-involved').meta({
      description:
        'Who may not handle a complaint: `not-involved` (nobody it is about), `involved-first` (the person it is about handles it first, with the complainant; an independent body after), `none` (no rule).',
    }),
    steps: z.array(StepSchema).min(1).meta({ description: 'The procedure, in order.' }),
    extension: z
      .strictObject({
        allowed: z.boolean(),
        max: TermSchema.optional().meta({ description: 'Longest extension per step, if limited.' }),
        times: z.int().positive().optional().meta({ description: 'How often a step may be extended, if limited.' }),
        reasonRequired: z.boolean().default(true).meta({ description: 'Whether a reason must be recorded.' }),
        noticeBeforeDeadline: z
          .boolean()
          .default(true)
          .meta({ description: 'Whether the complainant must be told before the original deadline.' }),
        steps: z
          .array(SlugSchema)
          .optional()
          .meta({ description: 'The steps that may be extended; all steps with a deadline when absent.' }),
      })
      .default({ allowed: false, reasonRequired: true, noticeBeforeDeadline: true })
      .meta({ description: 'Whether and how deadlines may be extended (verlenging).' }),
    suspension: z
      .strictObject({ allowed: z.boolean() })
      .default({ allowed: false })
      .meta({ description: 'Whether the clock may be paused (opschorting), e.g. while waiting for information.' }),
    escalation: z
      .array(EscalationBodySchema)
      .default([])
      .meta({ description: 'External bodies, in the order a complainant would go to them.' }),
    evaluation: z
      .strictObject({
        cadence: z
          .enum(['yearly', 'periodic'])
          .meta({ description: '`yearly` or `periodic` (the regulation names no interval; evaluated yearly here).' }),
        dueMonthsAfterYearEnd: z.int().min(0).max(12).optional().meta({
          description:
            'Months after the year ends by which the evaluation is due. Not set: 3 for a yearly cadence; a periodic evaluation has no due date.',
        }),
      })
      .meta({ description: 'How often the management evaluates complaints.' }),
    retention: z
      .strictObject({
        amount: z.int().positive(),
        unit: z.enum(['months', 'years']),
        basis: z.string().optional().meta({ description: 'Why this term, for the privacy statement.' }),
      })
      .meta({ description: 'How long personal data is kept after the complaint is closed.' }),
    calendar: z
      .strictObject({
        atwRollForward: z.boolean().default(false).meta({
          description: 'Apply the Algemene termijnenwet roll-forward (for statutory terms; off for own regulations).',
        }),
        closingDays: z
          .array(
            z.strictObject({
              date: IsoDateSchema.meta({
                description: 'A calendar date written as `YYYY-MM-DD` that really exists (2026-02-30 does not).',
              }),
              name: z.string().min(1),
            }),
          )
          .default([])
          .meta({ description: "The organisation's own closing days, on top of the Atw holidays." }),
      })
      .default({ atwRollForward: false, closingDays: [] })
      .meta({ description: 'The working-day calendar.' }),
    ownChoices: z
      .array(OwnChoiceSchema)
      .default([])
      .meta({ description: "Settings the source regulation does not state: the register's own choices, each with its reason." }),
  })
  .superRefine((regulation, ctx) => {
    const seen = new Set<string>();
    regulation.steps.forEach((step, index) => {
      if (seen.has(step.id)) {
        ctx.addIssue({ code: 'custom', path: ['steps', index, 'id'], message: `stap-id ${step.id} komt twee keer voor` });
      }
      const from = step.deadline?.from;
      if (from !== undefined && from !== 'received' && from !== 'assignmentEnded' && !seen.has(from)) {
        ctx.addIssue({
          code: 'custom',
          path: ['steps', index, 'deadline', 'from'],
          message: `'${from}' is geen eerdere stap; gebruik received, assignmentEnded of een stap-id die eerder staat`,
        });
      }
      seen.add(step.id);
    });
    regulation.ownChoices.forEach((choice, index) => {
      let value: unknown = regulation;
      for (const part of choice.setting.split('.'))
        value =
          value !== null && typeof value === 'object' && Object.hasOwn(value, part)
            ? (value as Record<string, unknown>)[part]
            : undefined;
      if (value === undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['ownChoices', index, 'setting'],
          message: 'deze instelling staat niet in dit reglement; noem een veld dat er wel staat',
        });
    });
    for (const [index, id] of (regulation.extension.steps ?? []).entries()) {
      if (!seen.has(id)) {
        ctx.addIssue({ code: 'custom', path: ['extension', 'steps', index], message: `onbekende stap ${id}` });
      }
    }
  });
export type Regulation = z.output<typeof RegulationSchema>;
