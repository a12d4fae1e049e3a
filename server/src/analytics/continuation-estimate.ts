import {
  continuationFromCounts,
  type DayCount,
  greenwoodBands,
  isEstimable,
  logLogInterval,
} from '@ldn/rules';

export type { DayCount } from '@ldn/rules';

/** A point of the curve, or the estimate at a reported day. */
export interface ContinuationPoint {
  day: number;
  rate: number;
  lower: number;
  upper: number;
  /** Trials still on LDN (followed up) at the start of the day. */
  atRisk: number;
}

/** A day on which trials were censored (still on LDN at the report date): a mark on the curve. */
export interface CensoringMark {
  day: number;
  /** The rate the curve stands at on that day (the mark sits on it). */
  rate: number;
  censored: number;
  atRisk: number;
}

export interface ContinuationEstimate {
  trialCount: number;
  discontinuedCount: number;
  censoredCount: number;
  medianDays: number | null;
  /** `{day: 0}` then one point per day with a discontinuation. */
  curve: ContinuationPoint[];
  /** The days with a censoring, in day order: the curve runs on to the last of them. */
  censorings: CensoringMark[];
  /** The longest follow-up, discontinued or censored: where the curve ends. */
  lastFollowUpDay: number;
  /** The estimate on any day (the last event day's rate and interval carried forward). */
  at(day: number): ContinuationPoint;
  /** Trials followed up for at least `day` days. */
  atRiskAt(day: number): number;
}

/** The estimate at a reported day, as the report states it: null rate and interval when not estimable. */
export interface ReportedPoint {
  day: number;
  rate: number | null;
  lower: number | null;
  upper: number | null;
  atRisk: number;
  estimable: boolean;
}

/**
 * The estimate at a day as reported: with fewer than MINIMUM_AT_RISK at risk (rules package) the
 * rate and its interval are "not estimable" — null, with the number at risk that makes them so.
 */
export function reportedAt(estimate: ContinuationEstimate, day: number): ReportedPoint {
  const point = estimate.at(day);
  if (isEstimable(point.atRisk)) return { ...point, estimable: true };
  return { day, rate: null, lower: null, upper: null, atRisk: point.atRisk, estimable: false };
}

/** The last index of a day-ordered list whose day is on or before `day` (−1 if none). */
function lastIndexOnOrBefore(rows: readonly { day: number }[], day: number): number {
  let low = 0;
  let high = rows.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((rows[middle]?.day ?? Number.POSITIVE_INFINITY) <= day) low = middle + 1;
    else high = middle;
  }
  return low - 1;
}

/**
 * §8 continuation of one group from its aggregated counts: the rules package's Kaplan–Meier sweep
 * over the days (`continuationFromCounts`: O(days), whatever the number of trials), with Greenwood
 * log-log 95 % intervals, the number at risk and the censorings from the same life table. Null when
 * the group has no trial.
 */
export function estimateContinuation(counts: readonly DayCount[]): ContinuationEstimate | null {
  const estimate = continuationFromCounts(counts);
  if (estimate.trialCount === 0) return null;
  const events = estimate.lifeTable.filter((row) => row.discontinued > 0);
  const bands = greenwoodBands(events);
  const curve: ContinuationPoint[] = [
    { day: 0, rate: 1, lower: 1, upper: 1, atRisk: estimate.trialCount },
    ...bands.map((band, i) => ({
      day: band.day,
      rate: band.rate,
      lower: band.lower,
      upper: band.upper,
      atRisk: events[i]?.atRisk ?? 0,
    })),
  ];
  const censorings = estimate.lifeTable
    .filter((row) => row.censored > 0)
    .map(({ day, rate, censored, atRisk }) => ({ day, rate, censored, atRisk }));
  return {
    trialCount: estimate.trialCount,
    discontinuedCount: estimate.discontinuedCount,
    censoredCount: estimate.censoredCount,
    medianDays: estimate.medianDays,
    curve,
    censorings,
    lastFollowUpDay: estimate.lastFollowUpDay ?? 0,
    atRiskAt: estimate.atRiskAt,
    at(day) {
      const band = bands[lastIndexOnOrBefore(bands, day)];
      const interval = band === undefined ? logLogInterval(1, 0) : { lower: band.lower, upper: band.upper };
      return { day, rate: estimate.rateAt(day) ?? 1, ...interval, atRisk: estimate.atRiskAt(day) };
    },
  };
}
