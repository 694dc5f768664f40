import { ATW_EQUATED_DAYS, atwHolidays, type Holiday } from './atw-holidays.ts';
import { dateParts, fromDayNumber, toDayNumber, weekdayOfDayNumber, type IsoDate } from './iso-date.ts';

/** Which days count as working days for one regulation. */
export interface WorkingCalendar {
  /** Monday–Friday and not a holiday or closing day. */
  isWorkingDay(date: IsoDate): boolean;
  /** The same, for a day number (days since 1970-01-01): the fast path for counting loops. */
  isWorkingDayNumber(dayNumber: number): boolean;
  /** The name of the holiday or closing day on `date`, if any (weekends have none). */
  closedFor(date: IsoDate): string | undefined;
  /** The same, for a day number. */
  closedForDayNumber(dayNumber: number): string | undefined;
  /** Whether `date` is a Saturday, Sunday, holiday, closing day or equated day (Atw roll-forward). */
  isAtwClosed(date: IsoDate): boolean;
}

/** Options for {@link createWorkingCalendar}. */
export interface WorkingCalendarOptions {
  /** The organisation's own closing days, on top of the Atw holidays. */
  closingDays?: readonly Holiday[];
  /** Days equated with holidays by royal decree; used only by the Atw roll-forward. */
  equatedDays?: readonly Holiday[];
}

/**
 * Creates the working-day calendar: Monday–Friday, minus the Algemene termijnenwet holidays and the
 * organisation's closing days. Holiday tables are computed per year on first use and cached.
 * @example
 * const calendar = createWorkingCalendar();
 * calendar.isWorkingDay('2026-04-06') // false: Tweede Paasdag
 */
export function createWorkingCalendar(options: WorkingCalendarOptions = {}): WorkingCalendar {
  const extra = new Map<number, string>();
  for (const day of options.closingDays ?? []) extra.set(toDayNumber(day.date), day.name);
  const equated = new Set<number>();
  for (const day of options.equatedDays ?? ATW_EQUATED_DAYS) equated.add(toDayNumber(day.date));
  const holidays = new Map<number, string>();
  const yearsDone = new Set<number>();
  // Per day number: the name of the holiday or closing day, or null. Deadlines touch few distinct days.
  const memo = new Map<number, string | null>();

  function closedForDayNumber(dayNumber: number): string | undefined {
    let name = memo.get(dayNumber);
    if (name === undefined) {
      const year = dateParts(fromDayNumber(dayNumber)).year;
      if (!yearsDone.has(year)) {
        for (const h of atwHolidays(year)) holidays.set(toDayNumber(h.date), h.name);
        yearsDone.add(year);
      }
      name = holidays.get(dayNumber) ?? extra.get(dayNumber) ?? null;
      memo.set(dayNumber, name);
    }
    return name ?? undefined;
  }

  function isWeekend(dayNumber: number): boolean {
    const wd = weekdayOfDayNumber(dayNumber);
    return wd === 0 || wd === 6;
  }

  function isWorkingDayNumber(dayNumber: number): boolean {
    return !isWeekend(dayNumber) && closedForDayNumber(dayNumber) === undefined;
  }

  return {
    isWorkingDay: (date) => isWorkingDayNumber(toDayNumber(date)),
    isWorkingDayNumber,
    closedFor: (date) => closedForDayNumber(toDayNumber(date)),
    closedForDayNumber,
    isAtwClosed: (date) => {
      const dayNumber = toDayNumber(date);
      return !isWorkingDayNumber(dayNumber) || equated.has(dayNumber);
    },
  };
}

/** A non-working weekday met while counting, for explanations. */
export interface SkippedDay {
  /** The date. */
  date: IsoDate;
  /** Why it does not count. */
  name: string;
}

/**
 * Counts `count` working days after `start` (the start day itself never counts).
 * Returns the date reached and the weekdays that were skipped as holidays or closing days.
 * @example
 * addWorkingDays('2026-04-01', 5, createWorkingCalendar()).date // '2026-04-10'
 */
export function addWorkingDays(
  start: IsoDate,
  count: number,
  calendar: Pick<WorkingCalendar, 'isWorkingDayNumber' | 'closedForDayNumber'>,
): { date: IsoDate; skipped: SkippedDay[] } {
  let dayNumber = toDayNumber(start);
  const skipped: SkippedDay[] = [];
  let left = count;
  while (left > 0) {
    dayNumber += 1;
    if (calendar.isWorkingDayNumber(dayNumber)) {
      left -= 1;
    } else {
      const name = calendar.closedForDayNumber(dayNumber);
      const wd = weekdayOfDayNumber(dayNumber);
      if (name !== undefined && wd !== 0 && wd !== 6) skipped.push({ date: fromDayNumber(dayNumber), name });
    }
  }
  return { date: fromDayNumber(dayNumber), skipped };
}

/**
 * Number of working days in the closed range `from`..`to` (0 when `to` precedes `from`).
 * @example countWorkingDays('2026-03-02', '2026-03-08', createWorkingCalendar()) // 5
 */
export function countWorkingDays(from: IsoDate, to: IsoDate, calendar: Pick<WorkingCalendar, 'isWorkingDayNumber'>): number {
  let count = 0;
  for (let n = toDayNumber(from), end = toDayNumber(to); n <= end; n += 1) {
    if (calendar.isWorkingDayNumber(n)) count += 1;
  }
  return count;
}
