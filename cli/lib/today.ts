import { amsterdamDate, isIsoDate, usageError, type IsoDate } from '../../core/index.ts';

/** `--today` when given (validated), otherwise the Amsterdam date now. */
export function resolveToday(flag: string | undefined, now: Date): IsoDate {
  if (flag === undefined) return amsterdamDate(now);
  if (!isIsoDate(flag)) throw usageError(`--today verwacht een bestaande datum als JJJJ-MM-DD, niet '${flag}'`);
  return flag;
}

/** A date option's value, validated. */
export function dateOption(flag: string, value: string): IsoDate {
  if (!isIsoDate(value)) throw usageError(`${flag} verwacht een bestaande datum als JJJJ-MM-DD, niet '${value}'`);
  return value;
}
