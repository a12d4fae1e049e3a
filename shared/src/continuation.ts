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
}

/** §8: the days at which continuation is reported (123: the VA review's mean duration [6]). */
export const CONTINUATION_REPORT_DAYS = [90, 123, 180] as const;

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

/** Discontinuations and censorings per day on therapy, in day order. */
function countsByDay(
  observations: readonly Observation[],
): { day: number; discontinued: number; censored: number }[] {
  const byDay = new Map<number, { day: number; discontinued: number; censored: number }>();
  for (const { days, discontinued } of observations) {
    const counts = byDay.get(days) ?? { day: days, discontinued: 0, censored: 0 };
    if (discontinued) counts.discontinued += 1;
    else counts.censored += 1;
    byDay.set(days, counts);
  }
  return [...byDay.values()].sort((a, b) => a.day - b.day);
}

// Far above the rounding of a few thousand products of doubles (~1e-13), far below any real gap.
const MEDIAN_TOLERANCE = 1e-9;

/**
 * The first point whose rate is ≤ 1/2. Rates are products of doubles; where one lies within
 * rounding of 1/2, the exact product of the factors decides (rate exactly 1/2 is the median).
 */
function medianPoint(
  points: readonly { day: number; rate: number; factor: Fraction }[],
): { day: number } | undefined {
  const half = fraction(1n, 2n);
  let exact: Fraction | null = null;
  for (let index = 0; index < points.length; index += 1) {
    const point = points[index] as (typeof points)[number];
    if (point.rate < 0.5 - MEDIAN_TOLERANCE) return point;
    if (point.rate <= 0.5 + MEDIAN_TOLERANCE) {
      exact ??= points
        .slice(0, index)
        .reduce((product, p) => multiplyFractions(product, p.factor), fraction(1n, 1n));
      exact = multiplyFractions(exact, point.factor);
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
 * censoring (the censored are still at risk that day). One sweep over the days on therapy, so a
 * network's 100,000 trials take milliseconds.
 */
export function continuation(trials: readonly TrialSpan[], asOf: IsoDate): ContinuationResult {
  assertIsoDate(asOf);
  const observations = trials
    .map((trial) => observe(trial, asOf))
    .filter((o): o is Observation => o !== null);

  let atRisk = observations.length;
  let rate = 1;
  const points: { day: number; rate: number; factor: Fraction }[] = [];
  for (const { day, discontinued, censored } of countsByDay(observations)) {
    if (discontinued > 0) {
      rate = rate * ((atRisk - discontinued) / atRisk);
      points.push({ day, rate, factor: fraction(BigInt(atRisk - discontinued), BigInt(atRisk)) });
    }
    atRisk -= discontinued + censored;
  }

  const median = medianPoint(points);
  const curve = points.map((point) => ({ day: point.day, rate: point.rate }));
  const rateAt = (day: number): number | null => {
    if (observations.length === 0) return null;
    let result = 1;
    for (const point of curve) {
      if (point.day > day) break;
      result = point.rate;
    }
    return result;
  };
  const discontinuedCount = observations.filter((o) => o.discontinued).length;
  return {
    rateAt,
    medianDays: median === undefined ? null : median.day,
    curve: observations.length === 0 ? [] : [{ day: 0, rate: 1 }, ...curve],
    reported: CONTINUATION_REPORT_DAYS.map((day) => ({ day, rate: rateAt(day) })),
    trialCount: observations.length,
    discontinuedCount,
    censoredCount: observations.length - discontinuedCount,
  };
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
