/**
 * A calendar date as `YYYY-MM-DD`, always meaning a day in Europe/Amsterdam.
 * Dates are never turned into `Date` instants: arithmetic runs on day numbers, so no time zone or
 * daylight-saving change can shift a day.
 */
export type IsoDate = string;

/** Number of days in a month of the proleptic Gregorian calendar (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * Whether `value` is a real calendar date written as `YYYY-MM-DD` (so `2026-02-30` is not).
 * @example isIsoDate('2028-02-29') // true
 */
export function isIsoDate(value: string): boolean {
  const parts = readDate(value);
  return (
    parts !== undefined &&
    parts.month >= 1 &&
    parts.month <= 12 &&
    parts.day >= 1 &&
    parts.day <= daysInMonth(parts.year, parts.month)
  );
}

/**
 * The numbers of `YYYY-MM-DD` (any digits, so `2026-13-45` too), or undefined for anything else. By
 * character codes: every date field of every file and every date the engine touches passes here.
 */
function readDate(value: string): { year: number; month: number; day: number } | undefined {
  if (value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return undefined;
  let year = 0;
  let month = 0;
  let day = 0;
  for (let index = 0; index < 10; index += 1) {
    if (index === 4 || index === 7) continue;
    const digit = value.charCodeAt(index) - 48;
    if (digit < 0 || digit > 9) return undefined;
    if (index < 4) year = year * 10 + digit;
    else if (index < 7) month = month * 10 + digit;
    else day = day * 10 + digit;
  }
  return { year, month, day };
}

/**
 * Splits an ISO date into its parts. Throws on a malformed date: callers validate input first.
 * @example dateParts('2026-03-02') // { year: 2026, month: 3, day: 2 }
 */
export function dateParts(date: IsoDate): { year: number; month: number; day: number } {
  const parts = readDate(date);
  if (parts === undefined) throw new RangeError(`Geen datum in de vorm JJJJ-MM-DD: ${date}`);
  return parts;
}

/**
 * Days since 1970-01-01 for a calendar date (Howard Hinnant's days_from_civil).
 * @example toDayNumber('1970-01-02') // 1
 */
export function toDayNumber(date: IsoDate): number {
  const { year, month, day } = dateParts(date);
  return dayNumberOf(year, month, day);
}

/** Days since 1970-01-01 for a year, month (1–12) and day. */
export function dayNumberOf(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * The calendar date for a day number (inverse of {@link toDayNumber}).
 * @example fromDayNumber(0) // '1970-01-01'
 */
export function fromDayNumber(dayNumber: number): IsoDate {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Adds (or with a negative count subtracts) calendar days.
 * @example addDays('2026-03-02', 14) // '2026-03-16'
 */
export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/**
 * Adds calendar months, keeping the day of the month and clamping it to the month's last day.
 * @example addMonths('2026-01-31', 1) // '2026-02-28'
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const { year, month, day } = dateParts(date);
  const index = year * 12 + (month - 1) + months;
  const newYear = Math.floor(index / 12);
  const newMonth = (index % 12) + 1;
  const newDay = Math.min(day, daysInMonth(newYear, newMonth));
  return fromDayNumber(dayNumberOf(newYear, newMonth, newDay));
}

/**
 * Whole days from `from` to `to` (negative when `to` is earlier).
 * @example daysBetween('2026-03-02', '2026-03-16') // 14
 */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** Day of the week for a day number: 0 Sunday … 6 Saturday. */
export function weekdayOfDayNumber(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

/**
 * Day of the week: 0 Sunday … 6 Saturday.
 * @example weekday('2026-03-02') // 1 (Monday)
 */
export function weekday(date: IsoDate): number {
  return weekdayOfDayNumber(toDayNumber(date));
}
