import { addDays, continuation, MINIMUM_AT_RISK, type TrialSpan } from '@ldn/rules';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type DayCount, estimateContinuation, reportedAt } from './continuation-estimate.ts';

const AS_OF = '2026-06-30';

// The rules README example as SQL would count it: discontinued after 10, 40 and 90 days, one trial
// still on LDN after 166 days (started 2026-01-15).
const README_COUNTS = [
  { day: 40, discontinued: 1, censored: 0 },
  { day: 90, discontinued: 1, censored: 0 },
  { day: 166, discontinued: 0, censored: 1 },
  { day: 10, discontinued: 1, censored: 0 },
];

describe('continuation from aggregated counts', () => {
  it('gives the rules package’s own figures for the README example', () => {
    const estimate = estimateContinuation(README_COUNTS);
    const direct = continuation(
      [
        { startDate: '2026-01-01', endDate: '2026-02-10' },
        { startDate: '2026-01-01', endDate: '2026-04-01' },
        { startDate: '2026-01-15' },
        { startDate: '2026-02-01', endDate: '2026-02-11' },
      ],
      AS_OF,
    );
    expect(estimate?.curve.map(({ day, rate }) => ({ day, rate }))).toEqual(direct.curve);
    expect(estimate?.medianDays).toBe(40);
    expect(estimate).toMatchObject({ trialCount: 4, discontinuedCount: 3, censoredCount: 1 });
  });

  it('adds the number at risk and the Greenwood log-log interval to every point', () => {
    const estimate = estimateContinuation(README_COUNTS);
    expect(estimate?.curve.map((p) => [p.day, p.atRisk])).toEqual([
      [0, 4],
      [10, 4],
      [40, 3],
      [90, 2],
    ]);
    expect(estimate?.curve[1]?.lower).toBeCloseTo(0.127947, 6);
    expect(estimate?.curve[1]?.upper).toBeCloseTo(0.960549, 6);
  });

  it('carries the last event’s rate and interval forward to a reported day', () => {
    const estimate = estimateContinuation(README_COUNTS);
    const at123 = estimate?.at(123);
    expect(at123).toMatchObject({ day: 123, rate: 0.25, atRisk: 1 });
    expect(at123?.lower).toBeCloseTo(0.008948, 6);
    expect(at123?.upper).toBeCloseTo(0.665325, 6);
    expect(estimate?.at(5)).toEqual({ day: 5, rate: 1, lower: 1, upper: 1, atRisk: 4 });
  });

  it('counts discontinuations before censoring on a tied day', () => {
    // 10 trials; on day 30 two stop and one is censored; seven still on LDN at day 200.
    const estimate = estimateContinuation([
      { day: 30, discontinued: 2, censored: 1 },
      { day: 200, discontinued: 0, censored: 7 },
    ]);
    expect(estimate?.at(90)).toMatchObject({ rate: 0.8, atRisk: 7 }); // 8/10, not 7/9
    expect(estimate?.medianDays).toBeNull();
  });

  it('stays at 1 when everyone is censored, and is null with no trial', () => {
    const estimate = estimateContinuation([{ day: 50, discontinued: 0, censored: 6 }]);
    expect(estimate?.curve).toEqual([{ day: 0, rate: 1, lower: 1, upper: 1, atRisk: 6 }]);
    expect(estimate?.at(180)).toMatchObject({ rate: 1, atRisk: 0 });
    expect(estimate?.medianDays).toBeNull();
    expect(estimateContinuation([])).toBeNull();
  });

  it('reaches 0 with one patient who stopped', () => {
    const estimate = estimateContinuation([{ day: 12, discontinued: 1, censored: 0 }]);
    expect(estimate?.curve.at(-1)).toEqual({ day: 12, rate: 0, lower: 0, upper: 0, atRisk: 1 });
    expect(estimate?.medianDays).toBe(12);
  });
});

/** The trials the counts describe, one span each, dated back from AS_OF. */
const spansOf = (counts: readonly DayCount[]): TrialSpan[] =>
  counts.flatMap(({ day, discontinued, censored }) => {
    const startDate = addDays(AS_OF, -day);
    return [
      ...Array.from({ length: discontinued }, () => ({ startDate, endDate: AS_OF })),
      ...Array.from({ length: censored }, () => ({ startDate })),
    ];
  });

describe('continuation from counts against the per-trial estimator', () => {
  it('gives the per-trial rates, median and numbers at risk on random cohorts', () => {
    const dayCount = fc.record({
      day: fc.integer({ min: 0, max: 730 }),
      discontinued: fc.integer({ min: 0, max: 8 }),
      censored: fc.integer({ min: 0, max: 8 }),
    });
    fc.assert(
      fc.property(fc.array(dayCount, { minLength: 1, maxLength: 80 }), (counts) => {
        const perTrial = continuation(spansOf(counts), AS_OF);
        const estimate = estimateContinuation(counts);
        if (perTrial.trialCount === 0) return expect(estimate).toBeNull();
        expect(estimate?.curve.map(({ day, rate }) => ({ day, rate }))).toEqual(perTrial.curve);
        expect(estimate?.medianDays).toBe(perTrial.medianDays);
        for (const { day, rate } of perTrial.reported) expect(estimate?.at(day).rate).toBe(rate);
        const followed = (day: number) =>
          spansOf(counts).filter((s) => addDays(s.startDate, day) <= AS_OF).length;
        for (const day of [0, 90, 123, 180]) expect(estimate?.atRiskAt(day)).toBe(followed(day));
      }),
      { seed: 16_21, numRuns: 200 },
    );
  });
});

describe('the curve to the last follow-up', () => {
  it('marks each day with a censoring at the rate the curve stands at, to the last follow-up', () => {
    const estimate = estimateContinuation(README_COUNTS);
    expect(estimate?.censorings).toEqual([{ day: 166, rate: 0.25, censored: 1, atRisk: 1 }]);
    expect(estimate?.lastFollowUpDay).toBe(166);
  });
});

describe('a rate as reported', () => {
  // Day 63: the last discontinuation; then `followed` trials censored at day 200, so at day 180
  // exactly `followed` are at risk.
  const withFollowedTo200 = (followed: number) =>
    estimateContinuation([
      { day: 63, discontinued: 3, censored: 0 },
      { day: 100, discontinued: 0, censored: 7 },
      { day: 200, discontinued: 0, censored: followed },
    ]);

  it('is estimable with exactly MINIMUM_AT_RISK (10) at risk', () => {
    const estimate = withFollowedTo200(MINIMUM_AT_RISK);
    expect(estimate && reportedAt(estimate, 180)).toMatchObject({ atRisk: 10, estimable: true, rate: 0.85 });
  });

  it('is not estimable with 9 at risk: no rate, no interval, the number at risk kept', () => {
    const estimate = withFollowedTo200(MINIMUM_AT_RISK - 1);
    expect(estimate && reportedAt(estimate, 180)).toEqual({
      day: 180,
      rate: null,
      lower: null,
      upper: null,
      atRisk: 9,
      estimable: false,
    });
  });
});
