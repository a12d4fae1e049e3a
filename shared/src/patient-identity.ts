import { assertIsoDate, type IsoDate } from './dates.ts';
import { RuleInputError } from './errors.ts';

/**
 * Whole years of age on `asOf` for someone born on `dateOfBirth`: a birthday counts from its own
 * month and day, so someone born on 29 February is a year older from 1 March in a common year.
 * Shown beside the date of birth wherever the patient is identified (name, date of birth, MRN).
 */
export function ageInYears(dateOfBirth: IsoDate, asOf: IsoDate): number {
  assertIsoDate(dateOfBirth);
  assertIsoDate(asOf);
  if (asOf < dateOfBirth) {
    throw new RuleInputError('INVALID_DATE', `${asOf} is before the date of birth ${dateOfBirth}.`);
  }
  // YYYY-MM-DD compares as text; the month and day decide whether this year's birthday has come.
  const years = Number(asOf.slice(0, 4)) - Number(dateOfBirth.slice(0, 4));
  return asOf.slice(5) < dateOfBirth.slice(5) ? years - 1 : years;
}
