import { describe, expect, it } from 'vitest';
import { isoDateOf } from './scalars.ts';

describe('isoDateOf (a stored calendar date as its text)', () => {
  it('gives the UTC calendar date of any instant, again and again, past the days it keeps', () => {
    const start = Date.UTC(2020, 0, 1, 0, 0, 0);
    // 6,000 days and back: more than the 4,096 it keeps, so the memo starts again on the way.
    for (const round of [1, 2]) {
      for (let day = 0; day < 6_000; day += 1) {
        const instant = new Date(start + day * 86_400_000 + (round === 1 ? 0 : 86_399_999));
        expect(isoDateOf(instant)).toBe(instant.toISOString().slice(0, 10));
      }
    }
    expect(isoDateOf(new Date('2026-06-30T23:59:59.999Z'))).toBe('2026-06-30');
    expect(isoDateOf(new Date('2026-07-01T00:00:00.000Z'))).toBe('2026-07-01');
  });

  it('refuses a Date that is no instant, as toISOString does', () => {
    expect(() => isoDateOf(new Date('not a date'))).toThrow(RangeError);
  });
});
