import { continuation } from '@ldn/rules';
import { describe, expect, it } from 'vitest';
import { estimateContinuation, spansOf } from './continuation-estimate.ts';

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
  it('feeds the rules package one span per trial, dated back from the report date', () => {
    const spans = spansOf([{ day: 10, discontinued: 2, censored: 1 }], AS_OF);
    expect(spans).toEqual([
      { startDate: '2026-06-20', endDate: AS_OF },
      { startDate: '2026-06-20', endDate: AS_OF },
      { startDate: '2026-06-20' },
    ]);
  });

  it('gives the rules package’s own figures for the README example', () => {
    const estimate = estimateContinuation(README_COUNTS, AS_OF);
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
    const estimate = estimateContinuation(README_COUNTS, AS_OF);
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
    const estimate = estimateContinuation(README_COUNTS, AS_OF);
    const at123 = estimate?.at(123);
    expect(at123).toMatchObject({ day: 123, rate: 0.25, atRisk: 1 });
    expect(at123?.lower).toBeCloseTo(0.008948, 6);
    expect(at123?.upper).toBeCloseTo(0.665325, 6);
    expect(estimate?.at(5)).toEqual({ day: 5, rate: 1, lower: 1, upper: 1, atRisk: 4 });
  });

  it('counts discontinuations before censoring on a tied day', () => {
    // 10 trials; on day 30 two stop and one is censored; seven still on LDN at day 200.
    const estimate = estimateContinuation(
      [
        { day: 30, discontinued: 2, censored: 1 },
        { day: 200, discontinued: 0, censored: 7 },
      ],
      AS_OF,
    );
    expect(estimate?.at(90)).toMatchObject({ rate: 0.8, atRisk: 7 }); // 8/10, not 7/9
    expect(estimate?.medianDays).toBeNull();
  });

  it('stays at 1 when everyone is censored, and is null with no trial', () => {
    const estimate = estimateContinuation([{ day: 50, discontinued: 0, censored: 6 }], AS_OF);
    expect(estimate?.curve).toEqual([{ day: 0, rate: 1, lower: 1, upper: 1, atRisk: 6 }]);
    expect(estimate?.at(180)).toMatchObject({ rate: 1, atRisk: 0 });
    expect(estimate?.medianDays).toBeNull();
    expect(estimateContinuation([], AS_OF)).toBeNull();
  });

  it('reaches 0 with one patient who stopped', () => {
    const estimate = estimateContinuation([{ day: 12, discontinued: 1, censored: 0 }], AS_OF);
    expect(estimate?.curve.at(-1)).toEqual({ day: 12, rate: 0, lower: 0, upper: 0, atRisk: 1 });
    expect(estimate?.medianDays).toBe(12);
  });
});
