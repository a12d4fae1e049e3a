import { describe, expect, it } from 'vitest';
import { ageInYears } from './patient-identity.ts';

describe('ageInYears', () => {
  it.each([
    ['1970-04-02', '2026-04-01', 55, 'the day before the birthday'],
    ['1970-04-02', '2026-04-02', 56, 'on the birthday'],
    ['1970-04-02', '2026-04-03', 56, 'the day after the birthday'],
    ['1970-04-02', '2026-12-31', 56, 'at the end of the year'],
    ['1970-12-31', '2027-01-01', 56, 'across a new year before the birthday'],
    ['2026-03-01', '2026-03-01', 0, 'on the day of birth'],
    ['2025-03-01', '2026-02-28', 0, 'a day short of a first birthday'],
    ['2000-02-29', '2026-02-28', 25, 'a leap-day birthday, 28 February of a common year'],
    ['2000-02-29', '2026-03-01', 26, 'a leap-day birthday, 1 March of a common year'],
    ['2000-02-29', '2028-02-29', 28, 'a leap-day birthday in a leap year'],
  ])('is %s → %s = %i (%s)', (dateOfBirth, asOf, age) => {
    expect(ageInYears(dateOfBirth, asOf)).toBe(age);
  });

  it('refuses a date before the birth (INVALID_DATE)', () => {
    expect(() => ageInYears('1970-04-02', '1970-04-01')).toThrow(
      expect.objectContaining({ code: 'INVALID_DATE' }),
    );
  });

  it.each([
    ['1970-02-30', '2026-01-01'],
    ['1970-01-01', '2026-13-01'],
  ])('refuses %s / %s as not calendar dates (INVALID_DATE)', (dateOfBirth, asOf) => {
    expect(() => ageInYears(dateOfBirth, asOf)).toThrow(expect.objectContaining({ code: 'INVALID_DATE' }));
  });
});
