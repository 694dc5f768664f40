import { ATW_EQUATED_DAYS, atwHolidays, type Holiday } from './atw-holidays.ts';
import { dateParts, fromDayNumber, toDayNumber, weekdayOfDayNumber, type IsoDate } from './iso-date.ts';

/** Which days count as working days for one regulation. */
export interface WorkingCalendar {
  /** Monday–Friday and not a holiday or closing day. */
  isWorkingDay(date: IsoDate): boolean;
  /** The name of the holiday or closing day on `date`, if any (weekends have none). */
  closedFor(date: IsoDate): string | undefined;
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
  const equated = new Map<number, string>();
  for (const day of options.equatedDays ?? ATW_EQUATED_DAYS) equated.set(toDayNumber(day.date), day.name);
  const byYear = new Map<number, Map<number, string>>();

  function holidaysOf(year: number): Map<number, string> {
    let table = byYear.get(year);
    if (!table) {
      table = new Map(atwHolidays(year).map((h) => [toDayNumber(h.date), h.name]));
      byYear.set(year, table);
    }
    return table;
  }

  function closedFor(date: IsoDate): string | undefined {
    const dayNumber = toDayNumber(date);
    return holidaysOf(dateParts(date).year).get(dayNumber) ?? extra.get(dayNumber);
  }

  function isWeekend(date: IsoDate): boolean {
    const wd = weekdayOfDayNumber(toDayNumber(date));
    return wd === 0 || wd === 6;
  }

  return {
    isWorkingDay: (date) => !isWeekend(date) && closedFor(date) === undefined,
    closedFor,
    isAtwClosed: (date) => isWeekend(date) || closedFor(date) !== undefined || equated.has(toDayNumber(date)),
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
  calendar: Pick<WorkingCalendar, 'isWorkingDay' | 'closedFor'>,
): { date: IsoDate; skipped: SkippedDay[] } {
  let dayNumber = toDayNumber(start);
  const skipped: SkippedDay[] = [];
  let left = count;
  while (left > 0) {
    dayNumber += 1;
    const date = fromDayNumber(dayNumber);
    if (calendar.isWorkingDay(date)) {
      left -= 1;
    } else {
      const name = calendar.closedFor(date);
      const wd = weekdayOfDayNumber(dayNumber);
      if (name !== undefined && wd !== 0 && wd !== 6) skipped.push({ date, name });
    }
  }
  return { date: fromDayNumber(dayNumber), skipped };
}

/**
 * Number of working days in the closed range `from`..`to` (0 when `to` precedes `from`).
 * @example countWorkingDays('2026-03-02', '2026-03-08', createWorkingCalendar()) // 5
 */
export function countWorkingDays(from: IsoDate, to: IsoDate, calendar: Pick<WorkingCalendar, 'isWorkingDay'>): number {
  let count = 0;
  for (let n = toDayNumber(from), end = toDayNumber(to); n <= end; n += 1) {
    if (calendar.isWorkingDay(fromDayNumber(n))) count += 1;
  }
  return count;
}
