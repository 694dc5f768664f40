import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addTerm, createWorkingCalendar, fromDayNumber, toDayNumber, weekday, type TermUnit } from '../../core/index.ts';

const calendar = createWorkingCalendar({ closingDays: [{ date: '2026-12-31', name: 'oudejaarsdag' }] });
const dates = fc.integer({ min: toDayNumber('2000-01-01'), max: toDayNumber('2060-12-31') }).map(fromDayNumber);
const units = fc.constantFrom<TermUnit>('days', 'weeks', 'months', 'workingDays');
const terms = fc.record({ amount: fc.integer({ min: 1, max: 60 }), unit: units });

describe('calendar invariants', () => {
  it('a due date never precedes its start', () => {
    fc.assert(
      fc.property(dates, terms, fc.boolean(), (start, term, atwRollForward) => {
        expect(addTerm(start, term, calendar, { atwRollForward }).date > start).toBe(true);
      }),
    );
  });

  it('working-day results never fall on a weekend, holiday or closing day', () => {
    fc.assert(
      fc.property(dates, fc.integer({ min: 1, max: 60 }), (start, amount) => {
        const { date } = addTerm(start, { amount, unit: 'workingDays' }, calendar);
        expect([0, 6]).not.toContain(weekday(date));
        expect(calendar.closedFor(date)).toBeUndefined();
      }),
    );
  });

  it('the roll-forward never ends on a closed day', () => {
    fc.assert(
      fc.property(
        dates,
        fc.record({ amount: fc.integer({ min: 1, max: 12 }), unit: fc.constantFrom<TermUnit>('days', 'weeks') }),
        (start, term) => {
          expect(calendar.isAtwClosed(addTerm(start, term, calendar, { atwRollForward: true }).date)).toBe(false);
        },
      ),
    );
  });

  it('more days never give an earlier date', () => {
    fc.assert(
      fc.property(dates, units, fc.integer({ min: 1, max: 59 }), fc.boolean(), (start, unit, amount, atwRollForward) => {
        const shorter = addTerm(start, { amount, unit }, calendar, { atwRollForward }).date;
        const longer = addTerm(start, { amount: amount + 1, unit }, calendar, { atwRollForward }).date;
        expect(longer >= shorter).toBe(true);
      }),
    );
  });

  it('a later start never gives an earlier date', () => {
    fc.assert(
      fc.property(dates, terms, (start, term) => {
        const next = fromDayNumber(toDayNumber(start) + 1);
        expect(addTerm(next, term, calendar).date >= addTerm(start, term, calendar).date).toBe(true);
      }),
    );
  });

  it('results do not depend on TZ', () => {
    const zones = ['Pacific/Kiritimati', 'America/Adak', 'Europe/Amsterdam', 'UTC', 'Asia/Kathmandu'];
    const original = process.env.TZ;
    try {
      fc.assert(
        fc.property(dates, terms, fc.boolean(), (start, term, atwRollForward) => {
          const results = zones.map((zone) => {
            process.env.TZ = zone;
            return addTerm(start, term, createWorkingCalendar(), { atwRollForward }).date;
          });
          expect(new Set(results).size).toBe(1);
        }),
        { numRuns: 50 },
      );
    } finally {
      if (original === undefined) delete process.env.TZ;
      else process.env.TZ = original;
    }
  });
});
