import { addWorkingDays, countWorkingDays, type SkippedDay, type WorkingCalendar } from './working-calendar.ts';
import { addDays, addMonths, fromDayNumber, toDayNumber, type IsoDate } from './iso-date.ts';

/** Units a term can be counted in. */
export type TermUnit = 'days' | 'weeks' | 'months' | 'workingDays';

/** A length of time, e.g. 5 working days or 4 weeks. */
export interface Term {
  /** How many units. */
  amount: number;
  /** The unit. */
  unit: TermUnit;
}

/** The result of counting a term. */
export interface TermEnd {
  /** The last day of the term. */
  date: IsoDate;
  /** Holidays and closing days on weekdays that were not counted (working-day terms only). */
  skipped: SkippedDay[];
  /** Where the Atw roll-forward moved the end: the date before moving. */
  rolledFrom?: IsoDate;
}

/**
 * Whether the Algemene termijnenwet may extend this term: art. 4 excludes terms longer than
 * 90 days, 12 weeks or 3 months.
 */
function atwApplies(term: Term): boolean {
  switch (term.unit) {
    case 'days':
      return term.amount <= 90;
    case 'weeks':
      return term.amount <= 12;
    case 'months':
      return term.amount <= 3;
    case 'workingDays':
      return true;
  }
}

/**
 * Counts a term from the day after `start`, as Dutch law does ("binnen 5 werkdagen na ontvangst").
 * Days and weeks are calendar days; months keep the day of the month, clamped to the month's end;
 * working days skip weekends, Atw holidays and closing days. With `atwRollForward` (statutory terms
 * only) an end on a Saturday, Sunday or holiday moves to the next working day and a term of three
 * days or more holds at least two working days (Atw art. 1 and 2).
 * @example
 * addTerm('2026-04-01', { amount: 5, unit: 'workingDays' }, createWorkingCalendar()).date // '2026-04-10'
 * addTerm('2026-03-02', { amount: 2, unit: 'weeks' }, createWorkingCalendar()).date // '2026-03-16'
 */
export function addTerm(
  start: IsoDate,
  term: Term,
  calendar: WorkingCalendar,
  options: { atwRollForward?: boolean } = {},
): TermEnd {
  let end: TermEnd;
  switch (term.unit) {
    case 'workingDays': {
      const counted = addWorkingDays(start, term.amount, calendar);
      end = { date: counted.date, skipped: counted.skipped };
      break;
    }
    case 'days':
      end = { date: addDays(start, term.amount), skipped: [] };
      break;
    case 'weeks':
      end = { date: addDays(start, term.amount * 7), skipped: [] };
      break;
    case 'months':
      end = { date: addMonths(start, term.amount), skipped: [] };
      break;
  }
  if (!options.atwRollForward || term.unit === 'workingDays' || !atwApplies(term)) return end;
  return rollForward(start, end, calendar);
}

function rollForward(start: IsoDate, end: TermEnd, calendar: WorkingCalendar): TermEnd {
  let dayNumber = toDayNumber(end.date);
  while (calendar.isAtwClosed(fromDayNumber(dayNumber))) dayNumber += 1;
  const termDays = toDayNumber(end.date) - toDayNumber(start);
  if (termDays >= 3) {
    const atwOpen = { isWorkingDayNumber: (n: number) => !calendar.isAtwClosed(fromDayNumber(n)) };
    while (countWorkingDays(addDays(start, 1), fromDayNumber(dayNumber), atwOpen) < 2) dayNumber += 1;
    while (calendar.isAtwClosed(fromDayNumber(dayNumber))) dayNumber += 1;
  }
  const date = fromDayNumber(dayNumber);
  return date === end.date ? end : { ...end, date, rolledFrom: end.date };
}
