import * as z from 'zod';
import { isIsoDate } from '../../core/calendar/iso-date.ts';

/**
 * What an organisation says about itself on its site: the options of the `klachtenregister`
 * integration in its `astro.config.mjs`. Nothing an organisation must change lives in a component.
 */
export const BrandSchema = z
  .object({
    name: z
      .string({ error: 'name ontbreekt: de naam van de organisatie (of de koepel) die de site publiceert' })
      .trim()
      .min(1, 'name is leeg: geef de naam van de organisatie'),
    title: z.string().trim().min(1, 'title is leeg: laat het weg of geef de titel van de site').optional(),
    logo: z
      .string()
      .regex(/\.(svg|png|jpe?g|webp)$/i, 'logo verwacht een pad naar een .svg, .png, .jpg of .webp in de repository')
      .optional(),
    intro: z.string().trim().min(1, 'intro is leeg: laat het weg of schrijf een inleiding voor de beginpagina').optional(),
    contact: z
      .object({
        email: z.email('contact.email is geen e-mailadres').optional(),
        phone: z.string().trim().min(1).optional(),
        address: z.string().trim().min(1).optional(),
        url: z.url('contact.url is geen webadres (https://…)').optional(),
      })
      .strict()
      .optional(),
    accessibility: z
      .object({
        date: z.string().refine(isIsoDate, 'accessibility.date verwacht een datum als JJJJ-MM-DD'),
        contact: z.string().trim().min(1, 'accessibility.contact is leeg: waar meldt een bezoeker een probleem?'),
        replyTerm: z.string().trim().min(1).default('vijf werkdagen'),
      })
      .strict()
      .optional(),
    repository: z
      .string()
      .regex(/^[\w.-]+\/[\w.-]+$/, "repository verwacht 'eigenaar/naam' van de repository van het register op GitHub")
      .optional(),
    regulations: z.string().trim().min(1).default('regulations'),
    register: z.string().trim().min(1).default('register'),
  })
  .strict();

/** The settings as the organisation writes them. */
export type BrandOptions = z.input<typeof BrandSchema>;

/** The settings as the site uses them: the logo read in, the title filled in. */
export interface Brand {
  name: string;
  title: string;
  /** The logo as a data URL (the site needs no file of the organisation's own in its build). */
  logo?: string | undefined;
  intro?: string | undefined;
  contact?:
    | { email?: string | undefined; phone?: string | undefined; address?: string | undefined; url?: string | undefined }
    | undefined;
  accessibility?: { date: string; contact: string; replyTerm: string } | undefined;
  /** The register's repository on GitHub, `owner/name`: the staff form opens its "create new file" page. */
  repository?: string | undefined;
}

/** The problems with `options`, one Dutch line each, naming the option. */
export function brandProblems(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const path = issue.path.join('.');
    if (issue.code === 'unrecognized_keys')
      return `onbekende optie ${issue.keys.map((key) => (path ? `${path}.${key}` : key)).join(', ')}: bekend zijn name, title, logo, intro, contact, accessibility, repository, regulations, register`;
    return issue.message.startsWith(path.split('.')[0] ?? '\u0000') ? issue.message : `${path || 'opties'}: ${issue.message}`;
  });
}
