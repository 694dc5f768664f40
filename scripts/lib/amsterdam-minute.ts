const AMSTERDAM = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/**
 * An instant such as git's author date (`%aI`) as `YYYY-MM-DDTHH:MM` in Europe/Amsterdam, whatever the
 * machine's time zone; text that is not a date comes back unchanged.
 * @example amsterdamMinute('2026-10-25T01:30:00Z') // '2026-10-25T02:30' (winter time from 01:00 UTC)
 */
export function amsterdamMinute(iso: string): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return iso;
  const parts = AMSTERDAM.formatToParts(instant);
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
}
