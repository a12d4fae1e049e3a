import { describe, expect, it } from 'vitest';
import { compareFractions, decimalFraction, fraction, fractionToNumber } from './exact.ts';

describe('exact arithmetic', () => {
  it.each([
    [4.55, 91n, 20n],
    [0.1, 1n, 10n],
    [45, 45n, 1n],
    [1e-7, 1n, 10000000n],
    [-1.5, -3n, 2n],
  ])('reads %s as the decimal written', (value, numerator, denominator) => {
    expect(decimalFraction(value)).toEqual({ numerator, denominator });
  });

  it('compares 0.1 + 0.2 with 0.3 as decimals, not as binary floats', () => {
    const sum = fraction(1n * 10n + 2n * 10n, 100n);
    expect(compareFractions(sum, decimalFraction(0.3) ?? fraction(0n, 1n))).toBe(0);
  });

  it('turns a fraction with huge parts into the nearest number', () => {
    const huge = 10n ** 40n;
    expect(fractionToNumber(fraction(huge, 3n * huge + 1n))).toBeCloseTo(1 / 3, 15);
  });
});
