import { TERM_UNIT_NAMES } from '../labels.ts';
import { dateParts, weekday, type IsoDate } from './iso-date.ts';
import type { Term } from './term.ts';

const WEEKDAYS = ['zo', 'ma', 'di', 'wo', 'do', 'vr', 'za'] as const;
const WEEKDAYS_LONG = ['zondag', 'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag'] as const;
const MONTHS = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'] as const;
const MONTHS_LONG = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
] as const;

/**
 * A date in short Dutch, as in explanations.
 * @example formatDate('2026-04-01') // 'wo 1 apr 2026'
 */
export function formatDate(date: IsoDate): string {
  let text = formatted.get(date);
  if (text === undefined) {
    const { year, month, day } = dateParts(date);
    text = `${WEEKDAYS[weekday(date)] ?? ''} ${day} ${MONTHS[month - 1] ?? ''} ${year}`;
    if (formatted.size > 10_000) formatted.clear();
    formatted.set(date, text);
  }
  return text;
}

// Explanations format the same few hundred dates over and over; a bounded cache keeps that cheap.
const formatted = new Map<IsoDate, string>();

/**
 * A date in full Dutch, for prose and the site.
 * @example formatDateLong('2026-04-01') // 'woensdag 1 april 2026'
 */
export function formatDateLong(date: IsoDate): string {
  const { year, month, day } = dateParts(date);
  return `${WEEKDAYS_LONG[weekday(date)] ?? ''} ${day} ${MONTHS_LONG[month - 1] ?? ''} ${year}`;
}

/**
 * A date as DD-MM-JJJJ, the form Dutch readers expect in titles and tables.
 * @example formatDateNumeric('2026-03-16') // '16-03-2026'
 */
export function formatDateNumeric(date: IsoDate): string {
  const { year, month, day } = dateParts(date);
  return `${String(day).padStart(2, '0')}-${String(month).padStart(2, '0')}-${year}`;
}

/**
 * A term in Dutch words.
 * @example formatTerm({ amount: 5, unit: 'workingDays' }) // '5 werkdagen'
 */
export function formatTerm(term: Term): string {
  const [one, many] = TERM_UNIT_NAMES[term.unit];
  return `${term.amount} ${term.amount === 1 ? one : many}`;
}

/**
 * Joins items the Dutch way.
 * @example joinDutch(['Goede Vrijdag', 'Tweede Paasdag']) // 'Goede Vrijdag en Tweede Paasdag'
 */
export function joinDutch(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} en ${items[items.length - 1] ?? ''}`;
}
