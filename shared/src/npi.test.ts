import { describe, expect, it } from 'vitest';
import { isValidNpi, npiCheckDigit } from './npi.ts';

describe('isValidNpi', () => {
  it.each(['1234567893', '1245319599', '1003000126'])(
    'accepts %s (Luhn check digit with the 80840 prefix)',
    (npi) => {
      expect(isValidNpi(npi)).toBe(true);
    },
  );

  it.each(['1234567890', '1234567894', '123456789', '12345678931', '12345678a3', '', ' 1234567893'])(
    'refuses %j',
    (npi) => {
      expect(isValidNpi(npi)).toBe(false);
    },
  );

  it('computes the check digit of the first nine digits', () => {
    expect(npiCheckDigit('123456789')).toBe(3);
  });
});
