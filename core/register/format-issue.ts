import type { z } from 'zod';
import { isIsoDate } from '../calendar/iso-date.ts';
import { personalData } from '../schemas/common.ts';
import { fieldsAt } from '../schemas/walk.ts';
import { closestName, CODE_WORD, echoValue } from './suggest.ts';

/** Dutch type names for "expected …" messages. */
const TYPE_NAMES: Record<string, string> = {
  string: 'tekst',
  number: 'een getal',
  int: 'een geheel getal',
  boolean: 'true of false',
  array: 'een lijst',
  object: 'velden (een map)',
  date: 'een datum',
};

function describeInput(input: unknown): string {
  if (input === undefined) return 'niets';
  if (input === null) return 'een lege waarde';
  if (Array.isArray(input)) return 'een lijst';
  if (typeof input === 'object') return 'velden';
  // Only the kind of value: the value itself may be personal data and messages end up in CI logs.
  return typeof input === 'string' ? 'tekst' : typeof input === 'number' ? 'een getal' : typeof input === 'boolean' ? 'true/false' : 'een waarde';
}

/**
 * What a message may repeat of a typed value. For a schema that holds personal data (a complaint), only
 * {@link echoValue}'s close code words; for one that does not (a regulation, an evaluation: published
 * texts), any value shaped like a code word, with the closest known word when there is one.
 */
function echoFor(input: unknown, known: readonly string[], strict: boolean): { shown: string | undefined; meant: string | undefined } {
  if (strict) {
    const echo = echoValue(input, known);
    return { shown: echo?.shown, meant: echo?.meant };
  }
  if (typeof input !== 'string') return { shown: undefined, meant: undefined };
  return { shown: CODE_WORD.test(input) ? `'${input}'` : undefined, meant: closestName(input, known) };
}

interface SchemaDef {
  type: string;
  innerType?: z.core.$ZodType;
  in?: z.core.$ZodType;
  out?: z.core.$ZodType;
  options?: z.core.$ZodType[];
  shape?: Record<string, z.core.$ZodType>;
  element?: z.core.$ZodType;
  valueType?: z.core.$ZodType;
}

const holdsPersonal = new WeakMap<z.core.$ZodType, boolean>();

/** Whether any field of a schema is marked as personal data ({@link personalData}). */
function holdsPersonalData(schema: z.core.$ZodType, seen = new Set<z.core.$ZodType>()): boolean {
  const known = holdsPersonal.get(schema);
  if (known !== undefined) return known;
  if (seen.has(schema)) return false;
  seen.add(schema);
  const def = schema._zod.def as SchemaDef;
  const inner = [def.innerType, def.in, def.out, def.element, def.valueType, ...(def.options ?? []), ...Object.values(def.shape ?? {})];
  const result = personalData.has(schema) || inner.some((child) => child !== undefined && holdsPersonalData(child, seen));
  holdsPersonal.set(schema, result);
  return result;
}

/** Placeholder for a key the schema does not name (a step id under `steps`): it may be anything. */
const UNNAMED_KEY = '…';

/**
 * The dotted path of an issue, for messages: `steps.…`, `measures[0].owner`. With a schema, a key it
 * does not name (a record key such as a step id, which may hold typed text) is shown as `…`; the line
 * of the message points at it.
 */
export function formatPath(path: readonly PropertyKey[], schema?: z.core.$ZodType): string {
  return path
    .map((segment, index) => {
      if (typeof segment === 'number') return `[${segment}]`;
      const named = schema === undefined || fieldsAt(schema, path.slice(0, index)).includes(String(segment));
      return `${index === 0 ? '' : '.'}${named ? String(segment) : UNNAMED_KEY}`;
    })
    .join('');
}

/**
 * The field of a path as messages name it: for a schema that holds personal data, a key it does not
 * name (a step id) is shown as `…` ({@link formatPath}).
 * @example formatFieldPath(['steps', 'bevestiging', 'note'], ComplaintSchema) // 'steps.….note'
 */
export function formatFieldPath(path: readonly PropertyKey[], schema: z.core.$ZodType): string {
  return formatPath(path, holdsPersonalData(schema) ? schema : undefined);
}

/**
 * One zod issue as a Dutch message that says what to fix; unknown fields get the closest known name.
 * @example formatIssue(issue, ComplaintSchema) // "onbekend veld 'recieved'; bedoelt u 'received'?"
 */
export function formatIssue(issue: z.core.$ZodIssue, schema: z.core.$ZodType): string {
  const strict = holdsPersonalData(schema);
  const where = issue.path.length > 0 ? `${formatFieldPath(issue.path, schema)}: ` : '';
  if ((issue.code === 'invalid_type' || issue.code === 'invalid_value') && issue.input === undefined) {
    const choices = issue.code === 'invalid_value' ? ` (${issue.values.map(String).join(', ')})` : '';
    return `${where}verplicht veld ontbreekt${choices}`;
  }
  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = fieldsAt(schema, issue.path);
      return issue.keys
        .map((key) => {
          const echo = echoFor(key, known, strict);
          const hint = echo.meant === undefined ? `; toegestaan zijn: ${known.join(', ')}` : `; bedoelt u '${echo.meant}'?`;
          return `${where}onbekend veld ${echo.shown ?? 'op deze regel'}${hint}`;
        })
        .join('\n');
    }
    case 'invalid_type': {
      const got = describeInput(issue.input);
      const scalar = typeof issue.input === 'number' || typeof issue.input === 'boolean';
      // A date field's own message (IsoDateSchema): quotes would not make 20260302 a date.
      if (issue.expected === 'string' && scalar && issue.message.includes('JJJJ-MM-DD')) {
        return `${where}verwacht een datum als JJJJ-MM-DD, maar kreeg ${got}`;
      }
      // YAML reads 0612345678 as a number (and drops the 0); quoted, it stays text. The value is not repeated.
      const quote = issue.expected === 'string' && scalar ? '; zet de waarde tussen aanhalingstekens' : '';
      return `${where}verwacht ${TYPE_NAMES[issue.expected] ?? issue.expected}, maar kreeg ${got}${quote}`;
    }
    case 'invalid_value': {
      const values = issue.values.map(String);
      const echo = echoFor(issue.input, values, strict);
      const shown = echo.shown ?? (typeof issue.input === 'string' ? 'deze waarde' : describeInput(issue.input));
      const hint = echo.meant === undefined ? '' : `; bedoelt u '${echo.meant}'?`;
      return `${where}${shown} is niet toegestaan; kies uit ${values.join(', ')}${hint}`;
    }
    case 'invalid_union':
      if (issue.errors.length > 0) {
        const first = issue.errors.map((errors) => errors[0]).find((e) => e !== undefined);
        if (first) return formatIssue({ ...first, path: [...issue.path, ...first.path] }, schema);
      }
      return `${where}${issue.message}`;
    case 'too_small':
      if (issue.origin === 'array') return `${where}de lijst moet minstens ${String(issue.minimum)} element(en) bevatten`;
      if (issue.origin === 'string') return `${where}mag niet leeg zijn`;
      return `${where}moet minstens ${String(issue.minimum)} zijn`;
    case 'too_big':
      return `${where}mag hoogstens ${String(issue.maximum)} zijn`;
    default: {
      const dayFirst = issue.code === 'custom' && issue.message.startsWith('geen bestaande datum') ? turnDate(issue.input) : undefined;
      if (dayFirst !== undefined) return `${where}schrijf de datum als JJJJ-MM-DD (jaar-maand-dag): ${dayFirst}`;
      return `${where}${strict ? withoutInput(issue.message, issue.input) : issue.message}`;
    }
  }
}

/** A date written day first, as on a Dutch letter: 30-11-2026, 1/12/2026, 5.12.2026. */
const DAY_FIRST = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})$/;

/**
 * A date written day first as `JJJJ-MM-DD`, when it is a real date. A date on its own is no personal
 * value: like a wrongly written `JJJJ-MM-DD` date ({@link withoutInput}), it may be shown.
 */
function turnDate(input: unknown): string | undefined {
  const match = typeof input === 'string' ? DAY_FIRST.exec(input.trim()) : null;
  if (!match) return undefined;
  const [, day = '', , month = '', year = ''] = match;
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : undefined;
}

/** A date as written, `JJJJ-MM-DD`: a wrong one (2026-02-30) may be echoed, other typed text may not. */
const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A schema's own message without the typed value it quotes, unless that value is shaped like a date:
 * a date field may hold a phone number ("geen bestaande datum: 06-12345678").
 */
function withoutInput(message: string, input: unknown): string {
  if (typeof input !== 'string' || input.trim() === '' || DATE_SHAPE.test(input) || !message.includes(input)) return message;
  return message.split(`: ${input}`).join('').split(input).join('deze waarde');
}
