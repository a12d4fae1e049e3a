/**
 * Exact arithmetic for the few places where a threshold must hold to the last digit (doses,
 * response classes, Kaplan–Meier). Numbers are read as the decimal a person typed (4.55 is
 * 455/100, not the nearest binary float), then compared as fractions of BigInts.
 */
export interface Fraction {
  readonly numerator: bigint;
  readonly denominator: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** The fraction numerator/denominator in lowest terms, with a positive denominator. */
export function fraction(numerator: bigint, denominator: bigint): Fraction {
  if (denominator === 0n) throw new RangeError('A fraction cannot have a zero denominator.');
  const sign = denominator < 0n ? -1n : 1n;
  const divisor = gcd(numerator, denominator);
  return { numerator: (sign * numerator) / divisor, denominator: (sign * denominator) / divisor };
}

/** The exact decimal value of a finite number as written by `String(x)`; null when not finite. */
export function decimalFraction(value: number): Fraction | null {
  if (!Number.isFinite(value)) return null;
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(value));
  if (match === null) return null;
  const [, sign = '', whole = '0', decimals = '', exponentText = '0'] = match;
  const exponent = Number(exponentText) - decimals.length;
  const digits = BigInt(`${sign}${whole}${decimals}`);
  return exponent >= 0
    ? fraction(digits * 10n ** BigInt(exponent), 1n)
    : fraction(digits, 10n ** BigInt(-exponent));
}

/** Negative, zero or positive as a < b, a = b, a > b. */
export function compareFractions(a: Fraction, b: Fraction): number {
  const left = a.numerator * b.denominator;
  const right = b.numerator * a.denominator;
  return left < right ? -1 : left > right ? 1 : 0;
}

export function subtractFractions(a: Fraction, b: Fraction): Fraction {
  return fraction(a.numerator * b.denominator - b.numerator * a.denominator, a.denominator * b.denominator);
}

export function multiplyFractions(a: Fraction, b: Fraction): Fraction {
  return fraction(a.numerator * b.numerator, a.denominator * b.denominator);
}

/** True when the fraction is a whole number. */
export function isWhole(value: Fraction): boolean {
  return value.denominator === 1n;
}

/** The nearest double to the fraction, even when its parts exceed the double range. */
export function fractionToNumber(value: Fraction): number {
  const { numerator, denominator } = value;
  const safe = BigInt(Number.MAX_SAFE_INTEGER);
  if (numerator <= safe && numerator >= -safe && denominator <= safe) {
    return Number(numerator) / Number(denominator);
  }
  const whole = numerator / denominator;
  const scale = 2n ** 64n;
  const rest = ((numerator - whole * denominator) * scale) / denominator;
  return Number(whole) + Number(rest) / 2 ** 64;
}
