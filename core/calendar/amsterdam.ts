import type { IsoDate } from './iso-date.ts';

const AMSTERDAM = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The Amsterdam wall-clock fields of an instant. */
function wallClock(instant: Date): (type: Intl.DateTimeFormatPartTypes) => string {
  const parts = AMSTERDAM.formatToParts(instant);
  return (type) => parts.find((p) => p.type === type)?.value ?? '';
}

/**
 * The calendar date in Europe/Amsterdam at `now`: the register's "today", whatever the machine's
 * or the visitor's time zone. The caller passes the clock in, so the core stays pure.
 * @example amsterdamDate(new Date('2026-11-21T23:30:00Z')) // '2026-11-22'
 */
export function amsterdamDate(now: Date): IsoDate {
  const get = wallClock(now);
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/**
 * An instant as `YYYY-MM-DDTHH:MM` on the Amsterdam clock, e.g. a commit's author date.
 * @example amsterdamMinute(new Date('2026-10-25T01:30:00Z')) // '2026-10-25T02:30' (winter time from 01:00 UTC)
 */
export function amsterdamMinute(instant: Date): string {
  const get = wallClock(instant);
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
}
