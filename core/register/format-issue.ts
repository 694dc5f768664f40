import type { z } from 'zod';
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
 * One zod issue as a Dutch message that says what to fix; unknown fields get the closest known name.
 * @example formatIssue(issue, ComplaintSchema) // "onbekend veld 'recieved'; bedoelt u 'received'?"
 */
export function formatIssue(issue: z.core.$ZodIssue, schema: z.core.$ZodType): string {
  const strict = holdsPersonalData(schema);
  const where = issue.path.length > 0 ? `${formatPath(issue.path, strict ? schema : undefined)}: ` : '';
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
    case 'invalid_type':
      return `${where}verwacht ${TYPE_NAMES[issue.expected] ?? issue.expected}, maar kreeg ${describeInput(issue.input)}`;
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
    default:
      return `${where}${strict ? withoutInput(issue.message, issue.input) : issue.message}`;
  }
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
