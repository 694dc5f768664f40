import * as z from 'zod';
import type { FrozenFigures } from '../evaluation/frozen.ts';
import { IsoDateSchema, LoginSchema, SlugSchema } from './common.ts';

/** An improvement action (verbeteractie) the directors decide on in an evaluation. */
export const ImprovementActionSchema = z.strictObject({
  description: z
    .string()
    .min(1)
    .meta({ description: "What will be done; the directors' words, published once the evaluation is approved." }),
  owner: LoginSchema.optional().meta({
    description: 'GitHub login of whoever carries it out (actienemer); the sync assigns its issue to them.',
  }),
  due: IsoDateSchema.optional().meta({ description: 'Due date.' }),
  done: IsoDateSchema.optional().meta({ description: 'Date done.' }),
});
export type ImprovementAction = z.output<typeof ImprovementActionSchema>;

/** Who approved an evaluation and when; absent while it is a draft. */
export const ApprovalSchema = z.strictObject({
  by: z.string().min(1).meta({ description: 'The approver\'s role or name, e.g. "directie".' }),
  on: IsoDateSchema.meta({ description: 'Date of approval.' }),
});

/** The front matter of an evaluation, `register/evaluations/<slug>/<year>.md`. The body is the directors' text. */
export const EvaluationSchema = z.strictObject({
  organisation: SlugSchema.meta({ description: "The organisation's slug; the file lives in `evaluations/<slug>/`." }),
  year: z.int().min(2000).max(2100).meta({ description: 'The year evaluated; the file is named `<year>.md`.' }),
  conclusions: z.array(z.string().min(1)).default([]).meta({ description: "The directors' conclusions, one per item." }),
  actions: z.array(ImprovementActionSchema).default([]).meta({ description: 'Improvement actions decided on.' }),
  approval: ApprovalSchema.optional().meta({
    description: 'Set when the directors approve; only approved evaluations are published.',
  }),
});
export type Evaluation = z.output<typeof EvaluationSchema>;

/** An evaluation as read from the register. */
export interface EvaluationRecord {
  /** Path relative to the working directory. */
  file: string;
  evaluation: Evaluation;
  /** The Markdown body: the directors' text. */
  body: string;
  /** The published figures fixed at approval (`<year>.cijfers.json`), when stored and sound. */
  frozen?: FrozenFigures;
}
