import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { continuation, continuationBy, type TrialSpan } from './continuation.ts';
import { addDays } from './dates.ts';

const asOf = '2026-12-31';
const start = '2026-01-01';
/** A trial discontinued after `days` days, or still on LDN (censored) when `days` is undefined. */
const trialOf = (days?: number, startDate = start): TrialSpan =>
  days === undefined ? { startDate } : { startDate, endDate: addDays(startDate, days) };

describe('continuation', () => {
  it('gives no curve, no median and no rate without trials', () => {
    const result = continuation([], asOf);
    expect(result.curve).toEqual([]);
    expect(result.medianDays).toBeNull();
    expect(result.rateAt(90)).toBeNull();
  });

  it('keeps everyone on therapy when everyone is censored', () => {
    const result = continuation([trialOf(), trialOf(undefined, '2026-06-01')], asOf);
    expect(result.curve).toEqual([{ day: 0, rate: 1 }]);
    expect(result.medianDays).toBeNull();
    expect(result.rateAt(0)).toBe(1);
    expect(result.rateAt(1000)).toBe(1);
  });

  it('follows one patient to the day of discontinuation, that day included', () => {
    const result = continuation([trialOf(30)], asOf);
    expect(result.curve).toEqual([
      { day: 0, rate: 1 },
      { day: 30, rate: 0 },
    ]);
    expect(result.rateAt(29)).toBe(1);
    expect(result.rateAt(30)).toBe(0);
    expect(result.medianDays).toBe(30);
  });

  it('counts discontinuations before censoring on a tie', () => {
    // Day 10: one stops, one is censored; both were at risk, so the rate is 1/2, not 1/1 → 0.
    const result = continuation([trialOf(10), { startDate: '2026-12-21' }, trialOf(20)], asOf);
    expect(result.curve).toEqual([
      { day: 0, rate: 1 },
      { day: 10, rate: 2 / 3 },
      { day: 20, rate: 0 },
    ]);
  });

  it('estimates the classic Kaplan–Meier example with censoring between events', () => {
    // Times 3, 5+, 7, 7, 9+, 12: S(3)=5/6, S(7)=5/6·2/4=5/12, S(12)=0.
    const censoredAt5 = { startDate: '2026-12-26' };
    const censoredAt9 = { startDate: '2026-12-22' };
    const trials = [trialOf(3), censoredAt5, trialOf(7), trialOf(7), censoredAt9, trialOf(12)];
    const result = continuation(trials, asOf);
    expect(result.curve.map((p) => p.day)).toEqual([0, 3, 7, 12]);
    expect(result.rateAt(3)).toBeCloseTo(5 / 6, 12);
    expect(result.rateAt(8)).toBeCloseTo(5 / 12, 12);
    expect(result.rateAt(12)).toBe(0);
    expect(result.medianDays).toBe(7);
  });

  it('finds the median where the rate falls to exactly one half', () => {
    const result = continuation([trialOf(10), trialOf(20), trialOf(30), trialOf(40)], asOf);
    expect(result.rateAt(20)).toBe(0.5);
    expect(result.medianDays).toBe(20);
  });

  it('carries the last rate forward past the last follow-up', () => {
    const result = continuation([trialOf(10), trialOf()], '2026-02-01');
    expect(result.rateAt(31)).toBe(0.5);
    expect(result.rateAt(365)).toBe(0.5);
  });

  it('censors at asOf a trial that ends after asOf, and leaves out trials starting after asOf', () => {
    const result = continuation(
      [{ startDate: start, endDate: '2027-03-01' }, { startDate: '2027-01-05' }, trialOf(5)],
      asOf,
    );
    expect(result).toMatchObject({ trialCount: 2, discontinuedCount: 1, censoredCount: 1 });
    expect(result.rateAt(364)).toBe(0.5);
  });

  it('reports the rates at days 90, 123 and 180', () => {
    const result = continuation([trialOf(100), trialOf(150), trialOf(200), trialOf()], asOf);
    expect(result.reported).toEqual([
      { day: 90, rate: 1 },
      { day: 123, rate: 0.75 },
      { day: 180, rate: 0.5 },
    ]);
  });

  it('throws INVALID_TRIAL_DATES for an end before the start', () => {
    expect(() => continuation([{ startDate: '2026-03-01', endDate: '2026-02-28' }], asOf)).toThrow(
      expect.objectContaining({ code: 'INVALID_TRIAL_DATES' }),
    );
  });

  it('breaks continuation down by a key', () => {
    const trials = [
      { ...trialOf(10), condition: 'CRPS' },
      { ...trialOf(), condition: 'FIBROMYALGIA' },
    ];
    const byCondition = continuationBy(trials, asOf, (trial) => trial.condition);
    expect(Object.keys(byCondition)).toEqual(['CRPS', 'FIBROMYALGIA']);
    expect(byCondition.CRPS?.rateAt(10)).toBe(0);
    expect(byCondition.FIBROMYALGIA?.rateAt(10)).toBe(1);
  });
});

const trialsArbitrary = fc.array(
  fc.record({
    startOffset: fc.integer({ min: 0, max: 300 }),
    days: fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined }),
  }),
  { minLength: 1, maxLength: 40 },
);

describe('continuation properties', () => {
  it('keeps the curve non-increasing and between 0 and 1', () => {
    fc.assert(
      fc.property(trialsArbitrary, (specs) => {
        const trials = specs.map(({ startOffset, days }) => trialOf(days, addDays(start, startOffset)));
        const { curve, rateAt } = continuation(trials, asOf);
        for (const [index, point] of curve.entries()) {
          expect(point.rate).toBeGreaterThanOrEqual(0);
          expect(point.rate).toBeLessThanOrEqual(1);
          expect(point.rate).toBeLessThanOrEqual(curve[index - 1]?.rate ?? 1);
        }
        for (let day = 0; day < 400; day += 17)
          expect(rateAt(day + 17) ?? 0).toBeLessThanOrEqual(rateAt(day) ?? 0);
      }),
    );
  });

  it('equals the plain proportion still on therapy when nothing is censored', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 300 }), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 0, max: 300 }),
        (durations, day) => {
          const { rateAt } = continuation(
            durations.map((days) => trialOf(days)),
            asOf,
          );
          const stillOn = durations.filter((days) => days > day).length;
          expect(rateAt(day)).toBeCloseTo(stillOn / durations.length, 12);
        },
      ),
    );
  });
});
