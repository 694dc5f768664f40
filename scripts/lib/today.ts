import { isIsoDate, type IsoDate } from '../../core/index.ts';
import { UsageError } from './args.ts';

/**
 * The calendar date in Europe/Amsterdam at `now`: the register's "today", whatever the machine's TZ.
 */
export function amsterdamDate(now: Date): IsoDate {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Amsterdam',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** `--today` when given (validated), otherwise the Amsterdam date now. */
export function resolveToday(flag: string | undefined, now: Date): IsoDate {
  if (flag === undefined) return amsterdamDate(now);
  if (!isIsoDate(flag)) throw new UsageError(`--today verwacht een bestaande datum als JJJJ-MM-DD, niet '${flag}'`);
  return flag;
}
