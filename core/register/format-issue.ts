import type { z } from 'zod';
import { fieldsAt } from '../schemas/walk.ts';
import { closestName } from './suggest.ts';

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
 * A typed value, quoted, when it can only be a code word (lower case, no spaces or @); otherwise
 * `otherwise`. Messages reach CI logs, and a name or address typed into the wrong field must not.
 */
function shownValue(input: unknown, otherwise: string): string {
  return typeof input === 'string' && /^[a-z0-9][a-z0-9_.-]{0,39}$/.test(input) ? `'${input}'` : otherwise;
}

/** The dotted path of an issue, for messages: `steps.ontvangstbevestiging`, `measures[0].owner`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : `${index === 0 ? '' : '.'}${String(segment)}`))
    .join('');
}

/**
 * One zod issue as a Dutch message that says what to fix; unknown fields get the closest known name.
 * @example formatIssue(issue, ComplaintSchema) // "onbekend veld 'recieved'; bedoelt u 'received'?"
 */
export function formatIssue(issue: z.core.$ZodIssue, schema: z.core.$ZodType): string {
  const where = issue.path.length > 0 ? `${formatPath(issue.path)}: ` : '';
  if ((issue.code === 'invalid_type' || issue.code === 'invalid_value') && issue.input === undefined) {
    const choices = issue.code === 'invalid_value' ? ` (${issue.values.map(String).join(', ')})` : '';
    return `${where}verplicht veld ontbreekt${choices}`;
  }
  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = fieldsAt(schema, issue.path);
      return issue.keys
        .map((key) => {
          const suggestion = closestName(key, known);
          const hint = suggestion ? `; bedoelt u '${suggestion}'?` : `; toegestaan zijn: ${known.join(', ')}`;
          return `${where}onbekend veld ${shownValue(key, 'op deze regel')}${hint}`;
        })
        .join('\n');
    }
    case 'invalid_type':
      return `${where}verwacht ${TYPE_NAMES[issue.expected] ?? issue.expected}, maar kreeg ${describeInput(issue.input)}`;
    case 'invalid_value': {
      const suggestion = typeof issue.input === 'string' ? closestName(issue.input, issue.values.map(String)) : undefined;
      const hint = suggestion ? `; bedoelt u '${suggestion}'?` : '';
      return `${where}${shownValue(issue.input, typeof issue.input === 'string' ? 'deze waarde' : describeInput(issue.input))} is niet toegestaan; kies uit ${issue.values.map(String).join(', ')}${hint}`;
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
      return `${where}${issue.message}`;
  }
}
