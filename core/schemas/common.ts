import * as z from 'zod';
import { isIsoDate } from '../calendar/iso-date.ts';

/** A calendar date written as `YYYY-MM-DD` that really exists (2026-02-30 does not). */
export const IsoDateSchema = z.string({ error: 'verwacht een datum als JJJJ-MM-DD' }).refine(isIsoDate, {
  // The value is echoed only when it is digits and separators: a date field may hold a typed name.
  error: (issue) => {
    const input = String(issue.input);
    return /^[\d\s./-]{1,20}$/.test(input)
      ? `geen bestaande datum: ${input} (gebruik JJJJ-MM-DD)`
      : 'geen bestaande datum (gebruik JJJJ-MM-DD)';
  },
});

/** A lower-case identifier such as an organisation slug or a step id. */
export const SlugSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'gebruik kleine letters, cijfers en streepjes (bijv. ontvangstbevestiging)' });

/** A GitHub login (the handler or staff involved). */
export const LoginSchema = z
  .string()
  .regex(/^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/, { error: 'verwacht een GitHub-gebruikersnaam' });

/** Units a term can be counted in. */
export const TermUnitSchema = z.enum(['days', 'weeks', 'months', 'workingDays']);

/** A term's `amount`; an extension's `amount` uses it too. */
export const TermAmountSchema = z.int().positive();

/** A length of time, e.g. `{amount: 5, unit: workingDays}`. */
export const TermSchema = z.strictObject({
  amount: TermAmountSchema.meta({ description: 'How many units; a whole number of at least 1.' }),
  unit: TermUnitSchema.meta({ description: '`days`, `weeks`, `months` or `workingDays`.' }),
});
export type TermInput = z.output<typeof TermSchema>;

/** Channels through which a complaint can arrive. */
export const ChannelSchema = z.enum(['email', 'post', 'in-person', 'phone', 'web-form']);
export type Channel = z.output<typeof ChannelSchema>;

/**
 * Marks fields that hold personal data (AVG). Outputs that leave the register (issues, logs, site,
 * reports) are built without these fields; {@link stripPersonal} removes them from any object.
 *
 * Register the field's final schema: `.meta()` and `.describe()` return a copy, and the copy is not in
 * this registry. So `.meta({ description }).register(personalData, …)`, never the other way round.
 */
export const personalData = z.registry<{ description: string }>();
