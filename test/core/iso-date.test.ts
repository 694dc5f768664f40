import { describe, expect, it } from 'vitest';
import { addDays, addMonths, daysBetween, fromDayNumber, isIsoDate, toDayNumber, weekday } from '../../core/index.ts';

describe('calendar dates', () => {
  it('recognises real dates only', () => {
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026-3-1')).toBe(false);
    expect(isIsoDate('1900-02-29')).toBe(false);
    expect(isIsoDate('2000-02-29')).toBe(true);
    // Only ASCII digits and hyphens in their places, nothing before or after.
    for (const wrong of [
      '2026-0a-01',
      '2026/01/01',
      '2026-00-10',
      '2026-01-00',
      ' 026-01-01',
      '2026-01-01\n',
      '２０２６-01-01',
      '2026-1-001',
      '+026-01-01',
    ])
      expect(isIsoDate(wrong), wrong).toBe(false);
    expect(isIsoDate('0000-01-01')).toBe(true);
    expect(isIsoDate('9999-12-31')).toBe(true);
  });

  it('round-trips day numbers', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(fromDayNumber(toDayNumber('2026-03-29'))).toBe('2026-03-29');
    expect(fromDayNumber(-1)).toBe('1969-12-31');
  });

  it('adds days across the DST changes without shifting', () => {
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(addDays('2026-10-24', 2)).toBe('2026-10-26');
    expect(daysBetween('2026-03-02', '2026-03-16')).toBe(14);
  });

  it('clamps months to the last day', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-10-31', 2)).toBe('2026-12-31');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
  });

  it('knows the weekday', () => {
    expect(weekday('2026-03-02')).toBe(1);
    expect(weekday('2026-11-21')).toBe(6);
    expect(weekday('2026-11-22')).toBe(0);
  });

  it('does not mutate or depend on the clock', () => {
    const date = '2026-03-02';
    addDays(date, 5);
    expect(date).toBe('2026-03-02');
  });
});
