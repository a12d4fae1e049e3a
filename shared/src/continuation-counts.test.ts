import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  continuation,
  continuationFromCounts,
  type DayCount,
  isEstimable,
  MINIMUM_AT_RISK,
  NUMBERS_AT_RISK_EVERY_DAYS,
  numbersAtRiskDays,
  type TrialSpan,
} from './continuation.ts';
import { addDays } from './dates.ts';

const AS_OF = '2026-06-30';

/** The trials the counts describe, dated back from AS_OF: discontinued on it, or still on LDN. */
function trialsOf(counts: readonly DayCount[]): TrialSpan[] {
  return counts.flatMap(({ day, discontinued, censored }) => {
    const startDate = addDays(AS_OF, -day);
    return [
      ...Array.from({ length: discontinued }, () => ({ startDate, endDate: AS_OF })),
      ...Array.from({ length: censored }, () => ({ startDate })),
    ];
  });
}

/**
 * The textbook estimate, one trial at a time and independent of the sweep: at each day with a
 * discontinuation, n = trials followed up that long, d = those who stopped that day; S ×= (n − d) / n.
 */
function textbookCurve(trials: readonly { days: number; discontinued: boolean }[]) {
  const eventDays = [...new Set(trials.filter((t) => t.discontinued).map((t) => t.days))].sort(
    (a, b) => a - b,
  );
  let rate = 1;
  const curve = trials.length === 0 ? [] : [{ day: 0, rate: 1 }];
  for (const day of eventDays) {
    const atRisk = trials.filter((t) => t.days >= day).length;
    const stopped = trials.filter((t) => t.discontinued && t.days === day).length;
    rate = rate * ((atRisk - stopped) / atRisk);
    curve.push({ day, rate });
  }
  return curve;
}

const dayCount = fc.record({
  day: fc.integer({ min: 0, max: 400 }),
  discontinued: fc.integer({ min: 0, max: 6 }),
  censored: fc.integer({ min: 0, max: 6 }),
});

describe('continuation from counts per day', () => {
  it('equals the per-trial estimate on random cohorts', () => {
    fc.assert(
      fc.property(fc.array(dayCount, { maxLength: 60 }), (counts) => {
        const fromCounts = continuationFromCounts(counts);
        const perTrial = continuation(trialsOf(counts), AS_OF);
        expect(fromCounts.curve).toEqual(perTrial.curve);
        const observed = counts.flatMap(({ day, discontinued, censored }) => [
          ...Array.from({ length: discontinued }, () => ({ days: day, discontinued: true })),
          ...Array.from({ length: censored }, () => ({ days: day, discontinued: false })),
        ]);
        expect(fromCounts.curve).toEqual(textbookCurve(observed));
        expect(fromCounts.medianDays).toBe(perTrial.medianDays);
        expect(fromCounts.reported).toEqual(perTrial.reported);
        expect(fromCounts.lifeTable).toEqual(perTrial.lifeTable);
        expect([fromCounts.trialCount, fromCounts.discontinuedCount, fromCounts.censoredCount]).toEqual([
          perTrial.trialCount,
          perTrial.discontinuedCount,
          perTrial.censoredCount,
        ]);
        for (const day of [0, 1, 90, 123, 180, 401]) {
          expect(fromCounts.rateAt(day)).toBe(perTrial.rateAt(day));
          expect(fromCounts.atRiskAt(day)).toBe(perTrial.atRiskAt(day));
        }
      }),
      { seed: 20261127, numRuns: 300 },
    );
  });

  it('adds up several rows of one day, in any order', () => {
    const split = continuationFromCounts([
      { day: 40, discontinued: 1, censored: 0 },
      { day: 10, discontinued: 1, censored: 2 },
      { day: 40, discontinued: 1, censored: 1 },
    ]);
    const merged = continuationFromCounts([
      { day: 10, discontinued: 1, censored: 2 },
      { day: 40, discontinued: 2, censored: 1 },
    ]);
    expect(split.lifeTable).toEqual(merged.lifeTable);
    expect(split.lifeTable.map((row) => [row.day, row.atRisk])).toEqual([
      [10, 6],
      [40, 3],
    ]);
  });

  it('counts at risk on a day the trials followed up for at least that many days', () => {
    const result = continuationFromCounts([
      { day: 10, discontinued: 1, censored: 1 },
      { day: 63, discontinued: 1, censored: 0 },
      { day: 200, discontinued: 0, censored: 2 },
    ]);
    expect([0, 10, 11, 63, 64, 200, 201].map((day) => result.atRiskAt(day))).toEqual([5, 5, 3, 3, 2, 2, 0]);
    expect(result.lastFollowUpDay).toBe(200);
  });

  it('refuses a count that is negative or not whole', () => {
    expect(() => continuationFromCounts([{ day: 3, discontinued: -1, censored: 0 }])).toThrow(RangeError);
    expect(() => continuationFromCounts([{ day: 2.5, discontinued: 1, censored: 0 }])).toThrow(RangeError);
  });

  it('has no trial, no curve and no follow-up without counts', () => {
    const result = continuationFromCounts([]);
    expect(result).toMatchObject({ trialCount: 0, curve: [], medianDays: null, lastFollowUpDay: null });
    expect(result.rateAt(90)).toBeNull();
    expect(result.atRiskAt(0)).toBe(0);
  });
});

describe('estimability of a rate', () => {
  it.each([
    [MINIMUM_AT_RISK + 1, true],
    [10, true],
    [9, false],
    [0, false],
  ])('with %i at risk is estimable: %s', (atRisk, estimable) => {
    expect(isEstimable(atRisk)).toBe(estimable);
  });

  it('states the threshold as 10 at risk ("fewer than 10" is not estimable)', () => {
    expect(MINIMUM_AT_RISK).toBe(10);
  });
});

describe('days of the numbers at risk', () => {
  it('runs every 30 days from day 0 to the last follow-up, that day included', () => {
    expect(NUMBERS_AT_RISK_EVERY_DAYS).toBe(30);
    expect(numbersAtRiskDays(90)).toEqual([0, 30, 60, 90]);
    expect(numbersAtRiskDays(89)).toEqual([0, 30, 60]);
    expect(numbersAtRiskDays(0)).toEqual([0]);
    expect(numbersAtRiskDays(null)).toEqual([]);
  });
});
