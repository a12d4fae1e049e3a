import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, compareDates, daysBetween, fromEpochDay, isIsoDate, toEpochDay } from './dates.ts';

describe('calendar dates', () => {
  it.each([
    ['1970-01-01', 0],
    ['2026-03-01', 20513],
    ['2000-02-29', 11016],
    ['1969-12-31', -1],
  ])('counts %s as day %i since 1970-01-01', (date, epochDay) => {
    expect(toEpochDay(date)).toBe(epochDay);
    expect(fromEpochDay(epochDay)).toBe(date);
  });

  it.each([
    '2026-02-30',
    '2025-02-29',
    '2100-02-29',
    '2026-13-01',
    '2026-00-10',
    '2026-04-31',
    '2026-3-1',
    '01/03/2026',
    '',
    '2026-03-01T00:00:00Z',
  ])('refuses %j as not a real calendar date (INVALID_DATE)', (date) => {
    expect(() => toEpochDay(date)).toThrow(expect.objectContaining({ code: 'INVALID_DATE' }));
    expect(isIsoDate(date)).toBe(false);
  });

  it('answers a date asked again, and past the dates it keeps, as the first time', () => {
    const days = Array.from({ length: 9_000 }, (_, i) => 18_000 + i);
    for (const pass of [1, 2]) {
      for (const epochDay of days) expect(toEpochDay(fromEpochDay(epochDay)), `pass ${pass}`).toBe(epochDay);
    }
    expect(() => toEpochDay('2026-02-30')).toThrow(expect.objectContaining({ code: 'INVALID_DATE' }));
    expect(() => toEpochDay('2026-02-30')).toThrow(expect.objectContaining({ code: 'INVALID_DATE' }));
  });

  it('accepts leap days of leap years', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2000-02-29')).toBe(true);
  });

  it.each([
    ['2026-03-01', 14, '2026-03-15'],
    ['2026-03-01', 28, '2026-03-29'],
    ['2026-02-28', 1, '2026-03-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-03-08', 1, '2026-03-09'], // US daylight-saving change: still one calendar day
    ['2026-11-01', 1, '2026-11-02'],
    ['2026-03-15', -14, '2026-03-01'],
  ])('adds to %s %i days giving %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
    expect(daysBetween(date, expected)).toBe(days);
  });

  it('round-trips every day number through its calendar date', () => {
    fc.assert(
      fc.property(fc.integer({ min: -719468, max: 2932896 }), (epochDay) => {
        expect(toEpochDay(fromEpochDay(epochDay))).toBe(epochDay);
      }),
    );
  });

  it('orders dates as calendar days', () => {
    expect(compareDates('2026-01-07', '2026-01-08')).toBeLessThan(0);
    expect(compareDates('2026-01-08', '2026-01-08')).toBe(0);
  });
});
