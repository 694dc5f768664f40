import type { IsoDate } from './iso-date.ts';

const AMSTERDAM = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * The calendar date in Europe/Amsterdam at `now`: the register's "today", whatever the machine's
 * or the visitor's time zone. The caller passes the clock in, so the core stays pure.
 * @example amsterdamDate(new Date('2026-11-21T23:30:00Z')) // '2026-11-22'
 */
export function amsterdamDate(now: Date): IsoDate {
  const parts = AMSTERDAM.formatToParts(now);
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}
