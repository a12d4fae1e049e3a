import { RuleInputError } from './errors.ts';

/** A calendar date written `YYYY-MM-DD`; never a moment in time, so never a time zone. */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Day number of a calendar date, counted from 1970-01-01 (= 0). Pure integer arithmetic
 * (H. Hinnant's days-from-civil), so the host's time zone can never shift a date.
 */
export function toEpochDay(date: IsoDate): number {
  const known = typeof date === 'string' ? epochDays.get(date) : undefined;
  if (known !== undefined) return known;
  const epochDay = computeEpochDay(date);
  if (epochDays.size >= EPOCH_DAYS_KEPT) epochDays.clear();
  epochDays.set(date, epochDay);
  return epochDay;
}

// A worklist derives every active trial's status from a few hundred distinct dates, each read
// thousands of times: the parse was 5 % of its CPU (bench/RESULTS.md). Only real dates are kept
// (a bad one throws first); about eleven years of them, then the memo starts again.
const EPOCH_DAYS_KEPT = 4_096;
const epochDays = new Map<IsoDate, number>();

function computeEpochDay(date: IsoDate): number {
  const match = typeof date === 'string' ? ISO_DATE.exec(date) : null;
  if (match === null) {
    throw new RuleInputError('INVALID_DATE', `"${String(date)}" is not a calendar date written YYYY-MM-DD.`);
  }
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RuleInputError('INVALID_DATE', `${date} is not a real calendar date.`);
  }
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** The calendar date of a day number (inverse of toEpochDay). */
export function fromEpochDay(epochDay: number): IsoDate {
  const z = epochDay + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Throws INVALID_DATE unless `date` is a real `YYYY-MM-DD` calendar date; returns it unchanged. */
export function assertIsoDate(date: IsoDate): IsoDate {
  toEpochDay(date);
  return date;
}

/** True when `date` is a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(date: unknown): date is IsoDate {
  if (typeof date !== 'string') return false;
  try {
    toEpochDay(date);
    return true;
  } catch {
    return false;
  }
}

/** The date `days` calendar days after `date` (before, when negative). */
export function addDays(date: IsoDate, days: number): IsoDate {
  return fromEpochDay(toEpochDay(date) + days);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toEpochDay(to) - toEpochDay(from);
}

/** Negative, zero or positive as `a` is before, on or after `b`. */
export function compareDates(a: IsoDate, b: IsoDate): number {
  return toEpochDay(a) - toEpochDay(b);
}

/** The later of two dates. */
export function laterOf(a: IsoDate, b: IsoDate): IsoDate {
  return compareDates(a, b) >= 0 ? a : b;
}
