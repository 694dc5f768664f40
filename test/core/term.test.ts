import { describe, expect, it } from 'vitest';
import { addTerm, atwHolidays, createWorkingCalendar, easterSunday } from '../../core/index.ts';

const calendar = createWorkingCalendar();

describe('Atw holidays', () => {
  it('computes Easter', () => {
    expect(easterSunday(2024)).toBe('2024-03-31');
    expect(easterSunday(2025)).toBe('2025-04-20');
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(easterSunday(2027)).toBe('2027-03-28');
    expect(easterSunday(2038)).toBe('2038-04-25');
  });

  it('lists the general holidays of 2026', () => {
    expect(atwHolidays(2026).map((h) => `${h.date} ${h.name}`)).toEqual([
      '2026-01-01 Nieuwjaarsdag',
      '2026-04-03 Goede Vrijdag',
      '2026-04-06 Tweede Paasdag',
      '2026-04-27 Koningsdag',
      '2026-05-05 Bevrijdingsdag (5 mei)',
      '2026-05-14 Hemelvaartsdag',
      '2026-05-25 Tweede Pinksterdag',
      '2026-12-25 Eerste Kerstdag',
      '2026-12-26 Tweede Kerstdag',
    ]);
  });

  it('moves Koningsdag to 26 April when 27 April is a Sunday', () => {
    expect(atwHolidays(2025).find((h) => h.name === 'Koningsdag')?.date).toBe('2025-04-26');
    expect(atwHolidays(2031).find((h) => h.name === 'Koningsdag')?.date).toBe('2031-04-26');
  });

  it('does not treat equated days as closing days without the roll-forward', () => {
    expect(calendar.isWorkingDay('2026-01-02')).toBe(true);
    expect(calendar.isWorkingDay('2026-05-15')).toBe(true);
  });
});

describe('addTerm', () => {
  it('counts working days from the day after the event', () => {
    // Received on a Friday: the fifth working day after it.
    expect(addTerm('2026-03-06', { amount: 5, unit: 'workingDays' }, calendar).date).toBe('2026-03-13');
    // Received on a Saturday: counting starts on Monday.
    expect(addTerm('2026-03-07', { amount: 5, unit: 'workingDays' }, calendar).date).toBe('2026-03-13');
  });

  it('skips Goede Vrijdag and Tweede Paasdag and says so', () => {
    const end = addTerm('2026-04-01', { amount: 5, unit: 'workingDays' }, calendar);
    expect(end.date).toBe('2026-04-10');
    expect(end.skipped.map((s) => s.name)).toEqual(['Goede Vrijdag', 'Tweede Paasdag']);
  });

  it('skips the organisation’s own closing days', () => {
    const own = createWorkingCalendar({ closingDays: [{ date: '2026-03-09', name: 'studiedag' }] });
    const end = addTerm('2026-03-06', { amount: 1, unit: 'workingDays' }, own);
    expect(end).toEqual({ date: '2026-03-10', skipped: [{ date: '2026-03-09', name: 'studiedag' }] });
  });

  it('counts days and weeks as calendar days', () => {
    expect(addTerm('2026-03-02', { amount: 2, unit: 'weeks' }, calendar).date).toBe('2026-03-16');
    expect(addTerm('2026-03-02', { amount: 14, unit: 'days' }, calendar).date).toBe('2026-03-16');
    // A calendar term may end on a weekend or holiday when the roll-forward is off.
    expect(addTerm('2026-03-20', { amount: 15, unit: 'days' }, calendar).date).toBe('2026-04-04');
  });

  it('counts months to the same day, clamped', () => {
    expect(addTerm('2026-01-31', { amount: 1, unit: 'months' }, calendar).date).toBe('2026-02-28');
  });

  describe('Atw roll-forward', () => {
    const on = { atwRollForward: true };
    it('moves an end on a Saturday to Monday', () => {
      const end = addTerm('2026-03-07', { amount: 2, unit: 'weeks' }, calendar, on);
      expect(end).toMatchObject({ date: '2026-03-23', rolledFrom: '2026-03-21' });
    });

    it('moves an end on Easter to after Tweede Paasdag', () => {
      expect(addTerm('2026-03-22', { amount: 2, unit: 'weeks' }, calendar, on).date).toBe('2026-04-07');
    });

    it('gives a term of three days or more at least two working days', () => {
      // Thursday 24 Dec 2026 + 3 days = Sunday 27; Mon 28 is the first working day after Christmas,
      // the term must hold two: Tuesday 29.
      expect(addTerm('2026-12-24', { amount: 3, unit: 'days' }, calendar, on).date).toBe('2026-12-29');
    });

    it('honours the equated days', () => {
      expect(addTerm('2026-05-01', { amount: 2, unit: 'weeks' }, calendar, on).date).toBe('2026-05-18');
      expect(addTerm('2026-05-01', { amount: 2, unit: 'weeks' }, calendar).date).toBe('2026-05-15');
    });

    it('does not apply to terms over 12 weeks (art. 4)', () => {
      expect(addTerm('2026-01-03', { amount: 13, unit: 'weeks' }, calendar, on).date).toBe('2026-04-04');
      expect(addTerm('2026-01-03', { amount: 12, unit: 'weeks' }, calendar, on).date).toBe('2026-03-30');
    });
  });
});
