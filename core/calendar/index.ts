export { amsterdamDate, amsterdamMinute } from './amsterdam.ts';
export { atwHolidays, easterSunday, ATW_EQUATED_DAYS, type Holiday } from './atw-holidays.ts';
export { formatDate, formatDateLong, formatDateNumeric, formatTerm, joinDutch } from './dutch.ts';
export {
  addDays,
  addMonths,
  dateParts,
  daysBetween,
  daysInMonth,
  fromDayNumber,
  isIsoDate,
  toDayNumber,
  weekday,
  type IsoDate,
} from './iso-date.ts';
export { addTerm, type Term, type TermEnd, type TermUnit } from './term.ts';
export {
  addWorkingDays,
  countWorkingDays,
  createWorkingCalendar,
  type SkippedDay,
  type WorkingCalendar,
  type WorkingCalendarOptions,
} from './working-calendar.ts';
