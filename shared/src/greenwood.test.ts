import { describe, expect, it } from 'vitest';
import { greenwoodBands, logLogInterval, Z_95 } from './greenwood.ts';

// The rules README example: four trials, discontinued on days 10, 40 and 90, one censored at 166.
//   day 10: n 4, d 1 → S 3/4, Σ 1/(4·3) = 1/12
//   day 40: n 3, d 1 → S 1/2, Σ 1/12 + 1/(3·2) = 1/4
//   day 90: n 2, d 1 → S 1/4, Σ 1/4 + 1/(2·1) = 3/4
// Log-log: θ = z·√Σ / |ln S|, interval S^exp(θ) … S^exp(−θ)
//   day 10: θ = 1.96·0.288675 / 0.287682 = 1.966766 → 0.75^7.14774 = 0.127947, 0.75^0.139904 = 0.960549
const README_EVENTS = [
  { day: 10, atRisk: 4, discontinued: 1, rate: 0.75 },
  { day: 40, atRisk: 3, discontinued: 1, rate: 0.5 },
  { day: 90, atRisk: 2, discontinued: 1, rate: 0.25 },
];

describe('Greenwood confidence bands', () => {
  it('sums d / (n (n − d)) over the event days', () => {
    expect(greenwoodBands(README_EVENTS).map((band) => band.greenwoodSum)).toEqual([
      expect.closeTo(1 / 12, 12),
      expect.closeTo(1 / 4, 12),
      expect.closeTo(3 / 4, 12),
    ]);
  });

  it('gives the standard error S·√Σ (Greenwood’s formula)', () => {
    expect(greenwoodBands(README_EVENTS).map((band) => band.standardError)).toEqual([
      expect.closeTo(0.75 * Math.sqrt(1 / 12), 12), // 0.216506
      expect.closeTo(0.25, 12), // 0.5 · √(1/4)
      expect.closeTo(0.25 * Math.sqrt(3 / 4), 12), // 0.216506
    ]);
  });

  it.each([
    { day: 10, lower: 0.127947, upper: 0.960549 },
    { day: 40, lower: 0.057847, upper: 0.844861 },
    { day: 90, lower: 0.008948, upper: 0.665325 },
  ])('puts the log-log 95 % interval of day $day at $lower … $upper', ({ day, lower, upper }) => {
    const band = greenwoodBands(README_EVENTS).find((b) => b.day === day);
    expect(band?.lower).toBeCloseTo(lower, 6);
    expect(band?.upper).toBeCloseTo(upper, 6);
  });

  it('handles ties: two of ten discontinued on one day', () => {
    // n 10, d 2 → S 0.8, Σ 2/(10·8) = 0.025, θ = 1.959964·0.158114/0.223144 = 1.388781
    // lower 0.8^exp(1.388781) = 0.8^4.009959 = 0.408691; upper 0.8^0.249379 = 0.945873
    const [band] = greenwoodBands([{ day: 30, atRisk: 10, discontinued: 2, rate: 0.8 }]);
    expect(band?.greenwoodSum).toBeCloseTo(0.025, 12);
    expect(band?.lower).toBeCloseTo(0.408691, 6);
    expect(band?.upper).toBeCloseTo(0.945873, 6);
  });

  it('closes the interval at 0 once everyone at risk has discontinued', () => {
    const bands = greenwoodBands([
      { day: 5, atRisk: 2, discontinued: 1, rate: 0.5 },
      { day: 9, atRisk: 1, discontinued: 1, rate: 0 },
    ]);
    expect(bands[1]).toMatchObject({ rate: 0, standardError: 0, lower: 0, upper: 0 });
  });

  it('keeps a rate of 1 at [1, 1] and stays inside [0, 1]', () => {
    expect(logLogInterval(1, 0)).toEqual({ lower: 1, upper: 1 });
    const { lower, upper } = logLogInterval(0.99, 0.5, Z_95);
    expect(lower).toBeGreaterThanOrEqual(0);
    expect(upper).toBeLessThanOrEqual(1);
    expect(lower).toBeLessThan(0.99);
    expect(upper).toBeGreaterThan(0.99);
  });

  it('refuses event days out of order or impossible counts', () => {
    expect(() => greenwoodBands([...README_EVENTS].reverse())).toThrow(RangeError);
    expect(() => greenwoodBands([{ day: 1, atRisk: 2, discontinued: 3, rate: 0 }])).toThrow(RangeError);
  });
});
