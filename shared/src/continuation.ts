import { assertIsoDate, daysBetween, type IsoDate } from './dates.ts';
import { RuleInputError } from './errors.ts';
import { compareFractions, type Fraction, fraction, multiplyFractions } from './exact.ts';

/** A trial as continuation reads it: started, and discontinued on `endDate` if it was. */
export interface TrialSpan {
  startDate: IsoDate;
  endDate?: IsoDate;
}

export interface ContinuationPoint {
  day: number;
  rate: number;
}

/** Trials of a cohort that were discontinued, or censored, after `day` days on therapy. */
export interface DayCount {
  day: number;
  discontinued: number;
  censored: number;
}

/** One day of the life table: the trials at risk at its start, and what happened that day. */
export interface LifeTableDay extends DayCount {
  /** Trials still followed up on LDN at the start of the day (those censored that day included). */
  atRisk: number;
  /** The Kaplan–Meier rate after the day's discontinuations. */
  rate: number;
}

export interface ContinuationResult {
  /** Kaplan–Meier share still on LDN at `day` (discontinuations on that day included); null with no trials. */
  rateAt(day: number): number | null;
  /** Smallest day at which the rate is ≤ 0.5; null if never. */
  medianDays: number | null;
  /** `{day: 0, rate: 1}` then one point per day with a discontinuation; empty with no trials. */
  curve: ContinuationPoint[];
  /** §8: the rates to report, at days 90, 123 and 180. */
  reported: { day: number; rate: number | null }[];
  trialCount: number;
  discontinuedCount: number;
  censoredCount: number;
  /** One row per day with a discontinuation or a censoring, in day order (the sweep's own rows). */
  lifeTable: LifeTableDay[];
  /** Trials followed up for at least `day` days: at risk at the start of that day. */
  atRiskAt(day: number): number;
  /** The longest follow-up (discontinued or censored); null with no trials. */
  lastFollowUpDay: number | null;
}

/** §8: the days at which continuation is reported (123: the VA review's mean duration [6]). */
export const CONTINUATION_REPORT_DAYS = [90, 123, 180] as const;

/**
 * §8: fewest trials at risk at a day for the rate there to be reported; with fewer it is "not
 * estimable". Product policy, not evidence: below 10, one more discontinuation moves the rate by
 * more than 10 points and the 95 % interval spans most of 0–100 %, so a rate read off the flat
 * tail after the last discontinuation (70 % at 180 days with 2 still followed) says nothing.
 */
export const MINIMUM_AT_RISK = 10;

/** Whether a rate at a day with `atRisk` trials at risk is estimable: at least MINIMUM_AT_RISK. */
export const isEstimable = (atRisk: number): boolean => atRisk >= MINIMUM_AT_RISK;

/** The numbers at risk under the curve are shown every this many days on therapy, from day 0. */
export const NUMBERS_AT_RISK_EVERY_DAYS = 30;

/** The days the numbers at risk are shown for: 0, 30, 60 … up to the last follow-up. */
export function numbersAtRiskDays(lastFollowUpDay: number | null): number[] {
  if (lastFollowUpDay === null) return [];
  const days: number[] = [];
  for (let day = 0; day <= lastFollowUpDay; day += NUMBERS_AT_RISK_EVERY_DAYS) days.push(day);
  return days;
}

interface Observation {
  days: number;
  discontinued: boolean;
}

function observe(trial: TrialSpan, asOf: IsoDate): Observation | null {
  const daysToAsOf = daysBetween(trial.startDate, asOf);
  if (trial.endDate !== undefined && daysBetween(trial.startDate, trial.endDate) < 0) {
    throw new RuleInputError(
      'INVALID_TRIAL_DATES',
      `A trial cannot end (${trial.endDate}) before it starts (${trial.startDate}).`,
    );
  }
  if (daysToAsOf < 0) return null; // §10: trials starting after asOf are left out
  if (trial.endDate !== undefined && daysBetween(trial.endDate, asOf) >= 0) {
    return { days: daysBetween(trial.startDate, trial.endDate), discontinued: true };
  }
  return { days: daysToAsOf, discontinued: false }; // still on LDN: censored at asOf
}

/** Discontinuations and censorings per day on therapy (`continuationFromCounts` puts them in order). */
function countsByDay(observations: readonly Observation[]): DayCount[] {
  const byDay = new Map<number, DayCount>();
  for (const { days, discontinued } of observations) {
    const counts = byDay.get(days) ?? { day: days, discontinued: 0, censored: 0 };
    if (discontinued) counts.discontinued += 1;
    else counts.censored += 1;
    byDay.set(days, counts);
  }
  return [...byDay.values()];
}

const isCount = (value: number) => Number.isInteger(value) && value >= 0;

/** Counts merged by day (a day may come in several rows), in day order. */
function mergedByDay(counts: readonly DayCount[]): DayCount[] {
  const byDay = new Map<number, DayCount>();
  for (const { day, discontinued, censored } of counts) {
    if (!isCount(day) || !isCount(discontinued) || !isCount(censored)) {
      throw new RangeError(`Day ${day}: ${discontinued} discontinued, ${censored} censored are not counts.`);
    }
    const merged = byDay.get(day);
    if (merged === undefined) byDay.set(day, { day, discontinued, censored });
    else
      byDay.set(day, {
        day,
        discontinued: merged.discontinued + discontinued,
        censored: merged.censored + censored,
      });
  }
  return [...byDay.values()]
    .filter((row) => row.discontinued + row.censored > 0)
    .sort((a, b) => a.day - b.day);
}

/** A day with a discontinuation: the rate after it and its factor (atRisk − discontinued) / atRisk. */
interface EventPoint {
  day: number;
  rate: number;
  atRisk: number;
  discontinued: number;
}

// Built only near 1/2: exact fractions cost far more than the sweep itself.
const factorOf = (point: EventPoint): Fraction =>
  fraction(BigInt(point.atRisk - point.discontinued), BigInt(point.atRisk));

// Far above the rounding of a few thousand products of doubles (~1e-13), far below any real gap.
const MEDIAN_TOLERANCE = 1e-9;

/**
 * The first point whose rate is ≤ 1/2. Rates are products of doubles; where one lies within
 * rounding of 1/2, the exact product of the factors decides (rate exactly 1/2 is the median).
 */
function medianPoint(points: readonly EventPoint[]): { day: number } | undefined {
  const half = fraction(1n, 2n);
  let exact: Fraction | null = null;
  for (let index = 0; index < points.length; index += 1) {
    const point = points[index] as (typeof points)[number];
    if (point.rate < 0.5 - MEDIAN_TOLERANCE) return point;
    if (point.rate <= 0.5 + MEDIAN_TOLERANCE) {
      exact ??= points
        .slice(0, index)
        .reduce((product, p) => multiplyFractions(product, factorOf(p)), fraction(1n, 1n));
      exact = multiplyFractions(exact, factorOf(point));
      if (compareFractions(exact, half) <= 0) return point;
    } else {
      exact = null;
    }
  }
  return undefined;
}

/**
 * §8 and §10: Kaplan–Meier continuation of LDN as of a date. Time on therapy runs from start to
 * discontinuation; active trials are censored at `asOf`; at a tie, discontinuations count before
 * censoring (the censored are still at risk that day). The trials are counted per day, then
 * `continuationFromCounts` sweeps the days.
 */
export function continuation(trials: readonly TrialSpan[], asOf: IsoDate): ContinuationResult {
  assertIsoDate(asOf);
  const observations = trials
    .map((trial) => observe(trial, asOf))
    .filter((o): o is Observation => o !== null);
  return continuationFromCounts(countsByDay(observations));
}

/**
 * §8: the same Kaplan–Meier estimate from counts per day on therapy (as a database aggregates
 * them; several rows of one day add up). One sweep over the days, never over the trials: O(days),
 * so a network's million trials cost what its few hundred distinct days cost.
 */
export function continuationFromCounts(counts: readonly DayCount[]): ContinuationResult {
  const days = mergedByDay(counts);
  const trialCount = days.reduce((sum, row) => sum + row.discontinued + row.censored, 0);
  const discontinuedCount = days.reduce((sum, row) => sum + row.discontinued, 0);

  let atRisk = trialCount;
  let rate = 1;
  const lifeTable: LifeTableDay[] = [];
  const points: EventPoint[] = [];
  for (const { day, discontinued, censored } of days) {
    const atStart = atRisk;
    if (discontinued > 0) {
      rate = rate * ((atRisk - discontinued) / atRisk);
      points.push({ day, rate, atRisk, discontinued });
    }
    lifeTable.push({ day, discontinued, censored, atRisk: atStart, rate });
    atRisk -= discontinued + censored;
  }

  const median = medianPoint(points);
  const curve = points.map((point) => ({ day: point.day, rate: point.rate }));
  const rateAt = (day: number): number | null => {
    if (trialCount === 0) return null;
    const row = lastRowOnOrBefore(lifeTable, day);
    return row === undefined ? 1 : row.rate;
  };
  const atRiskAt = (day: number): number => {
    const before = lastRowOnOrBefore(lifeTable, day - 1);
    return before === undefined ? trialCount : before.atRisk - before.discontinued - before.censored;
  };
  return {
    rateAt,
    medianDays: median === undefined ? null : median.day,
    curve: trialCount === 0 ? [] : [{ day: 0, rate: 1 }, ...curve],
    reported: CONTINUATION_REPORT_DAYS.map((day) => ({ day, rate: rateAt(day) })),
    trialCount,
    discontinuedCount,
    censoredCount: trialCount - discontinuedCount,
    lifeTable,
    atRiskAt,
    lastFollowUpDay: lifeTable.at(-1)?.day ?? null,
  };
}

/** The last row of a day-ordered table on or before `day` (binary search). */
function lastRowOnOrBefore<T extends { day: number }>(rows: readonly T[], day: number): T | undefined {
  let low = 0;
  let high = rows.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((rows[middle] as T).day <= day) low = middle + 1;
    else high = middle;
  }
  return rows[low - 1];
}

/** §8: continuation broken down by a key (condition, clinic, prescriber). */
export function continuationBy<T extends TrialSpan>(
  trials: readonly T[],
  asOf: IsoDate,
  keyOf: (trial: T) => string,
): Record<string, ContinuationResult> {
  const groups = new Map<string, T[]>();
  for (const trial of trials) {
    const key = keyOf(trial);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [trial]);
    else group.push(trial);
  }
  return Object.fromEntries([...groups].map(([key, group]) => [key, continuation(group, asOf)]));
}
