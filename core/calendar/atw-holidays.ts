import { addDays, dayNumberOf, fromDayNumber, type IsoDate } from './iso-date.ts';

/** A day on which a term does not count, with its Dutch name. */
export interface Holiday {
  /** The date. */
  date: IsoDate;
  /** Dutch name as shown in explanations, e.g. "Tweede Paasdag". */
  name: string;
}

/**
 * Easter Sunday in the Gregorian calendar (anonymous Gregorian algorithm, Meeus/Jones/Butcher).
 * @example easterSunday(2026) // '2026-04-05'
 */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return fromDayNumber(dayNumberOf(year, month, day));
}

/**
 * The general holidays of the Algemene termijnenwet art. 3 (lid 1 and 2) in a year, in date order:
 * Nieuwjaarsdag, Goede Vrijdag, Tweede Paasdag, Koningsdag (26 April when 27 April is a Sunday),
 * 5 mei (every year, for this law), Hemelvaartsdag, Tweede Pinksterdag, Eerste en Tweede Kerstdag.
 * @example atwHolidays(2026).map((h) => h.date).includes('2026-04-03') // true (Goede Vrijdag)
 */
export function atwHolidays(year: number): Holiday[] {
  const easter = easterSunday(year);
  const kingsDay = dayNumberOf(year, 4, 27);
  // 27 April on a Sunday moves Koningsdag to the Saturday before.
  const kingsDayDate = fromDayNumber((((kingsDay + 4) % 7) + 7) % 7 === 0 ? kingsDay - 1 : kingsDay);
  const holidays: Holiday[] = [
    { date: `${year}-01-01`, name: 'Nieuwjaarsdag' },
    { date: addDays(easter, -2), name: 'Goede Vrijdag' },
    { date: addDays(easter, 1), name: 'Tweede Paasdag' },
    { date: kingsDayDate, name: 'Koningsdag' },
    { date: `${year}-05-05`, name: 'Bevrijdingsdag (5 mei)' },
    { date: addDays(easter, 39), name: 'Hemelvaartsdag' },
    { date: addDays(easter, 50), name: 'Tweede Pinksterdag' },
    { date: `${year}-12-25`, name: 'Eerste Kerstdag' },
    { date: `${year}-12-26`, name: 'Tweede Kerstdag' },
  ];
  return holidays.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
}

/**
 * Days equated with general holidays by royal decree (Atw art. 3 lid 3), as far as this project
 * knows them. They only count where a regulation switches the Atw roll-forward on.
 */
export const ATW_EQUATED_DAYS: readonly Holiday[] = [
  { date: '2026-01-02', name: 'vrijdag 2 januari 2026 (gelijkgesteld, Atw art. 3 lid 3)' },
  { date: '2026-05-15', name: 'vrijdag 15 mei 2026 (gelijkgesteld, Atw art. 3 lid 3)' },
];
