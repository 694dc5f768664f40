export { amsterdamDate, amsterdamMinute } from './amsterdam.ts';
export { atwHolidays, easterSunday } from './atw-holidays.ts';
export { formatDate, formatDateLong, formatTerm, joinDutch } from './dutch.ts';
export {
  addDays,
  addMonths,
  dateParts,
  daysBetween,
  fromDayNumber,
  isIsoDate,
  toDayNumber,
  weekday,
  type IsoDate,
} from './iso-date.ts';
export { addTerm, type TermUnit } from './term.ts';
export { createWorkingCalendar } from './working-calendar.ts';
