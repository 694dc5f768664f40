import { stringify } from 'yaml';
import type { IsoDate } from '../calendar/iso-date.ts';
import type { Channel } from '../schemas/common.ts';

/** The answers of a new complaint, as `klachten new` and the site's form take them (empty answers left out). */
export interface ComplaintAnswers {
  organisation: string;
  received: IsoDate;
  channel: Channel;
  form: 'written' | 'oral';
  name?: string | undefined;
  email?: string | undefined;
  phone?: string | undefined;
  address?: string | undefined;
  dated?: string | undefined;
  /** The handler's GitHub login. */
  handler?: string | undefined;
  /** The logins of the staff the complaint is about, comma-separated as typed. */
  involved?: string | undefined;
  category?: string | undefined;
  assignmentEnded?: string | undefined;
  /** The complaint in the complainant's words, any number of lines. */
  description?: string | undefined;
}

/** Logins from a comma-separated answer: `'a, b,'` → `['a', 'b']`. */
export function splitLogins(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * The text of a new complaint file, `register/complaints/<year>/<id>.md`: the front matter in the
 * register's order, the complainant marked as personal data, and the description as the body. The
 * command `klachten new` and the site's form both write it, so the same answers give the same file.
 * @example composeComplaint({ organisation: 'pit', received: '2026-11-20', channel: 'email', form: 'written' }, 'nieuw-abc234')
 *   // '---\nid: nieuw-abc234\norganisation: pit\nreceived: 2026-11-20\nchannel: email\nform: written\n---\n'
 */
export function composeComplaint(answers: ComplaintAnswers, id: string): string {
  const complainant = Object.fromEntries(
    (['name', 'email', 'phone', 'address'] as const).filter((k) => answers[k] !== undefined).map((k) => [k, answers[k]]),
  );
  const involved = splitLogins(answers.involved);
  const data: Record<string, unknown> = {
    id,
    organisation: answers.organisation,
    received: answers.received,
    channel: answers.channel,
    form: answers.form,
    ...(answers.dated === undefined ? {} : { dated: answers.dated }),
    ...(Object.keys(complainant).length === 0 ? {} : { complainant }),
    ...(answers.handler ? { handler: answers.handler } : {}),
    ...(answers.involved ? { involved } : {}),
    ...(answers.category ? { category: answers.category } : {}),
    ...(answers.assignmentEnded ? { assignmentEnded: answers.assignmentEnded } : {}),
  };
  const yaml = stringify(data, { lineWidth: 0 }).replace(/^complainant:$/m, 'complainant: # persoonsgegevens: blijven in het register');
  return `---\n${yaml}---\n${answers.description ? `${answers.description.trim()}\n` : ''}`;
}
