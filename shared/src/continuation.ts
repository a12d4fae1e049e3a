import { assertIsoDate, daysBetween, type IsoDate } from './dates.ts';
import { RuleInputError } from './errors.ts';
import { compareFractions, type Fraction, fraction, fractionToNumber, multiplyFractions } from './exact.ts';

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

/**
 * §8 and §10: Kaplan–Meier continuation of LDN as of a date. Time on therapy runs from start to
 * discontinuation; active trials are censored at `asOf`; at a tie, discontinuations count before
 * censoring (the censored are still at risk that day). Rates are computed as exact fractions.
 */
export function continuation(trials: readonly TrialSpan[], asOf: IsoDate): ContinuationResult {
  assertIsoDate(asOf);
  const observations = trials
    .map((trial) => observe(trial, asOf))
    .filter((o): o is Observation => o !== null);
  const eventDays = [...new Set(observations.filter((o) => o.discontinued).map((o) => o.days))].sort(
    (a, b) => a - b,
  );

  let survival: Fraction = fraction(1n, 1n);
  const exactCurve: { day: number; rate: Fraction }[] = [];
  for (const day of eventDays) {
    const atRisk = observations.filter((o) => o.days >= day).length;
    const discontinued = observations.filter((o) => o.discontinued && o.days === day).length;
    survival = multiplyFractions(survival, fraction(BigInt(atRisk - discontinued), BigInt(atRisk)));
    exactCurve.push({ day, rate: survival });
  }

  const half = fraction(1n, 2n);
  const median = exactCurve.find((point) => compareFractions(point.rate, half) <= 0);
  const curve = exactCurve.map((point) => ({ day: point.day, rate: fractionToNumber(point.rate) }));
  const rateAt = (day: number): number | null => {
    if (observations.length === 0) return null;
    let rate = 1;
    for (const point of curve) if (point.day <= day) rate = point.rate;
    return rate;
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
  for (const trial of trials) groups.set(keyOf(trial), [...(groups.get(keyOf(trial)) ?? []), trial]);
  return Object.fromEntries([...groups].map(([key, group]) => [key, continuation(group, asOf)]));
}
