import { z } from 'zod';
import { IsoDateSchema, LoginSchema, SlugSchema } from './common.ts';

/** An improvement action (verbeteractie) the directors decide on in an evaluation. */
export const ImprovementActionSchema = z.strictObject({
  /** What will be done; the directors' words, published once the evaluation is approved. */
  description: z.string().min(1),
  /** GitHub login of whoever carries it out (actienemer); the sync assigns its issue to them. */
  owner: LoginSchema.optional(),
  /** Due date. */
  due: IsoDateSchema.optional(),
  /** Date done. */
  done: IsoDateSchema.optional(),
});
export type ImprovementAction = z.output<typeof ImprovementActionSchema>;

/** Who approved an evaluation and when; absent while it is a draft. */
export const ApprovalSchema = z.strictObject({
  /** The approver's role or name, e.g. "directie". */
  by: z.string().min(1),
  /** Date of approval. */
  on: IsoDateSchema,
});

/** The front matter of an evaluation, `register/evaluations/<slug>/<year>.md`. The body is the directors' text. */
export const EvaluationSchema = z.strictObject({
  /** The organisation's slug; the file lives in `evaluations/<slug>/`. */
  organisation: SlugSchema,
  /** The year evaluated; the file is named `<year>.md`. */
  year: z.int().min(2000).max(2100),
  /** The directors' conclusions, one per item. */
  conclusions: z.array(z.string().min(1)).default([]),
  /** Improvement actions decided on. */
  actions: z.array(ImprovementActionSchema).default([]),
  /** Set when the directors approve; only approved evaluations are published. */
  approval: ApprovalSchema.optional(),
});
export type Evaluation = z.output<typeof EvaluationSchema>;

/** An evaluation as read from the register. */
export interface EvaluationRecord {
  /** Path relative to the working directory. */
  file: string;
  evaluation: Evaluation;
  /** The Markdown body: the directors' text. */
  body: string;
}
