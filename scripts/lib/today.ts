import { amsterdamDate, isIsoDate, type IsoDate } from '../../core/index.ts';

export { amsterdamDate };
import { UsageError } from './args.ts';

/** `--today` when given (validated), otherwise the Amsterdam date now. */
export function resolveToday(flag: string | undefined, now: Date): IsoDate {
  if (flag === undefined) return amsterdamDate(now);
  if (!isIsoDate(flag)) throw new UsageError(`--today verwacht een bestaande datum als JJJJ-MM-DD, niet '${flag}'`);
  return flag;
}
