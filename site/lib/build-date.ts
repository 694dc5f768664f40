import { amsterdamDate } from '../../core/calendar/amsterdam.ts';
import { isIsoDate } from '../../core/calendar/iso-date.ts';
import { siteSettings } from './settings.ts';

/** The date the build counts from (current version, evaluation figures): KLACHTEN_TODAY or today in Amsterdam. */
export function buildDate(): string {
  const today = siteSettings(process.env).today;
  if (today === undefined) return amsterdamDate(new Date());
  if (!isIsoDate(today)) throw new Error(`KLACHTEN_TODAY verwacht een datum als JJJJ-MM-DD, niet '${today}'`);
  return today;
}
