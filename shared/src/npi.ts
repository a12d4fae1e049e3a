/** The prefix the NPI check digit is computed with (the ISO card issuer prefix for US health). */
export const NPI_CHECK_PREFIX = '80840';

/** The Luhn check digit of an NPI's first nine digits, computed as if prefixed by 80840. */
export function npiCheckDigit(firstNineDigits: string): number {
  if (!/^\d{9}$/.test(firstNineDigits)) throw new RangeError('An NPI check digit needs exactly nine digits.');
  const digits = `${NPI_CHECK_PREFIX}${firstNineDigits}`;
  let sum = 0;
  // Luhn: from the right, double every other digit starting with the one left of the check digit.
  for (let offset = 0; offset < digits.length; offset += 1) {
    const digit = Number(digits[digits.length - 1 - offset]);
    const doubled = offset % 2 === 0 ? digit * 2 : digit;
    sum += doubled > 9 ? doubled - 9 : doubled;
  }
  return (10 - (sum % 10)) % 10;
}

/** True when `npi` is ten digits whose last is the Luhn check digit (with the 80840 prefix). */
export function isValidNpi(npi: string): boolean {
  if (typeof npi !== 'string' || !/^\d{10}$/.test(npi)) return false;
  return npiCheckDigit(npi.slice(0, 9)) === Number(npi[9]);
}
