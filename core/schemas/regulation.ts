import { z } from 'zod';
import { ChannelSchema, IsoDateSchema, SlugSchema, TermSchema } from './common.ts';

/** Where a deadline counts from: the receipt, the end of the assignment, or another step's date. */
export const DeadlineSchema = TermSchema.extend({
  /** `received`, `assignmentEnded` or the id of an earlier step. */
  from: z.string().min(1),
});
export type Deadline = z.output<typeof DeadlineSchema>;

/** When a step applies; without a condition it always does. */
export const StepConditionSchema = z.enum(['admissible', 'inadmissible', 'founded', 'unfounded', 'measures', 'escalated']);
export type StepCondition = z.output<typeof StepConditionSchema>;

/** One step of the procedure. */
export const StepSchema = z.strictObject({
  /** Stable id, used as the key in a complaint's `steps`. */
  id: SlugSchema,
  /** Short Dutch title, e.g. "Ontvangstbevestiging". */
  title: z.string().min(1),
  /** Who acts, e.g. "behandelaar", "directie", "indiener". */
  actor: z.string().min(1),
  /** What happens, in plain Dutch, for the timeline on the site. */
  description: z.string().optional(),
  /** The deadline, if the regulation sets one. */
  deadline: DeadlineSchema.optional(),
  /** Only when this holds for the complaint. */
  condition: StepConditionSchema.optional(),
  /** How a later deadline names this step's moment: "na het oplossen van de klacht". */
  event: z.string().optional(),
  /** `received`: the step is the receipt itself and is done on the received date. */
  auto: z.literal('received').optional(),
  /** `evaluation`: done once per evaluation by the management, not per complaint. */
  scope: z.enum(['complaint', 'evaluation']).default('complaint'),
  /** Anchor of the article in the text that sets this step, e.g. `artikel-4`. */
  article: z.string().optional(),
});
export type Step = z.output<typeof StepSchema>;

/** What a complaint must contain to be taken up. */
export const RequiredContentSchema = z.enum(['name', 'contact', 'address', 'description', 'dated']);
export type RequiredContent = z.output<typeof RequiredContentSchema>;

/** The organisation a regulation belongs to. */
export const OrganisationSchema = z.strictObject({
  /** Full name, e.g. "PIT re-integratie & coaching". */
  name: z.string().min(1),
  /** Short id used in complaint files and URLs. */
  slug: SlugSchema,
  /** How complaints reach the organisation (public contact details only). */
  contact: z
    .strictObject({
      /** Role or department that receives complaints, e.g. "de directie". */
      addressee: z.string().optional(),
      email: z.email().optional(),
      phone: z.string().optional(),
      /** Postal address, one string. */
      address: z.string().optional(),
      website: z.url().optional(),
    })
    .default({}),
  /** Categories a complaint may be filed under; empty means free. */
  categories: z.array(SlugSchema).default([]),
});

/** An external body a complainant can turn to. */
export const EscalationBodySchema = z.strictObject({
  /** Name, e.g. "Nationale ombudsman". */
  name: z.string().min(1),
  /** Its website. */
  url: z.url().optional(),
  /** When to go there, in plain Dutch. */
  when: z.string().min(1),
});

/** The front matter of a regulation file: its procedure as data. */
export const RegulationSchema = z
  .strictObject({
    /** Title of the regulation. */
    title: z.string().min(1),
    /** One-paragraph summary for listings. */
    summary: z.string().min(1),
    organisation: OrganisationSchema,
    /** Version label, e.g. "1" or "2024-02". */
    version: z.string().min(1),
    /** Date the version takes effect ("van kracht vanaf"). */
    effective: IsoDateSchema,
    /** Where the effective date comes from when the source does not state one. */
    effectiveNote: z.string().optional(),
    /** What changed compared with the previous version. */
    changes: z.string().optional(),
    /** How a complaint is made. */
    complaint: z.strictObject({
      /** Channels accepted. */
      channels: z.array(ChannelSchema).min(1),
      /** Whether an oral complaint counts as a complaint under this regulation. */
      oral: z.boolean(),
      /** What a complaint must contain. */
      requiredContents: z.array(RequiredContentSchema).default([]),
      /** Latest moment to submit, e.g. 30 working days after the assignment ended. */
      submissionWindow: DeadlineSchema.optional(),
    }),
    /** The independence rule for handlers, in plain Dutch. */
    independence: z.string().min(1),
    /** The procedure, in order. */
    steps: z.array(StepSchema).min(1),
    /** Whether and how deadlines may be extended (verlenging). */
    extension: z
      .strictObject({
        allowed: z.boolean(),
        /** Longest extension per step, if limited. */
        max: TermSchema.optional(),
        /** How often a step may be extended, if limited. */
        times: z.int().positive().optional(),
        /** Whether a reason must be recorded. */
        reasonRequired: z.boolean().default(true),
        /** Whether the complainant must be told before the original deadline. */
        noticeBeforeDeadline: z.boolean().default(true),
        /** The steps that may be extended; all steps with a deadline when absent. */
        steps: z.array(SlugSchema).optional(),
      })
      .default({ allowed: false, reasonRequired: true, noticeBeforeDeadline: true }),
    /** Whether the clock may be paused (opschorting), e.g. while waiting for information. */
    suspension: z.strictObject({ allowed: z.boolean() }).default({ allowed: false }),
    /** External bodies, in the order a complainant would go to them. */
    escalation: z.array(EscalationBodySchema).default([]),
    /** How often the management evaluates complaints. */
    evaluation: z.strictObject({
      /** `yearly` or `periodic` (the regulation names no interval; evaluated yearly here). */
      cadence: z.enum(['yearly', 'periodic']),
      /** Months after the year ends by which the evaluation is due. */
      dueMonthsAfterYearEnd: z.int().min(0).max(12).default(3),
    }),
    /** How long personal data is kept after the complaint is closed. */
    retention: z.strictObject({
      amount: z.int().positive(),
      unit: z.enum(['months', 'years']),
      /** Why this term, for the privacy statement. */
      basis: z.string().optional(),
    }),
    /** The working-day calendar. */
    calendar: z
      .strictObject({
        /** Apply the Algemene termijnenwet roll-forward (for statutory terms; off for own regulations). */
        atwRollForward: z.boolean().default(false),
        /** The organisation's own closing days, on top of the Atw holidays. */
        closingDays: z.array(z.strictObject({ date: IsoDateSchema, name: z.string().min(1) })).default([]),
      })
      .default({ atwRollForward: false, closingDays: [] }),
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
    for (const [index, id] of (regulation.extension.steps ?? []).entries()) {
      if (!seen.has(id)) {
        ctx.addIssue({ code: 'custom', path: ['extension', 'steps', index], message: `onbekende stap ${id}` });
      }
    }
  });
export type Regulation = z.output<typeof RegulationSchema>;
