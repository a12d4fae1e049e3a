import {
  addDays,
  continuation,
  greenwoodBands,
  type IsoDate,
  logLogInterval,
  type TrialSpan,
} from '@ldn/rules';

/** The trials of one group that ended (or were censored) after `day` days on LDN, as SQL counts them. */
export interface DayCount {
  day: number;
  discontinued: number;
  censored: number;
}

/** A point of the curve, or the estimate at a reported day. */
export interface ContinuationPoint {
  day: number;
  rate: number;
  lower: number;
  upper: number;
  /** Trials still on LDN (followed up) at the start of the day. */
  atRisk: number;
}

export interface ContinuationEstimate {
  trialCount: number;
  discontinuedCount: number;
  censoredCount: number;
  medianDays: number | null;
  /** `{day: 0}` then one point per day with a discontinuation. */
  curve: ContinuationPoint[];
  /** The estimate on any day (the last event day's rate and interval carried forward). */
  at(day: number): ContinuationPoint;
}

/**
 * The counts as the rules package's input: one span per trial, dated back from `asOf` so that its
 * time on therapy is `day` — discontinued on `asOf`, or still on LDN (censored at `asOf`). The
 * spans of one count share one object: `continuation` only reads them.
 */
export function spansOf(counts: readonly DayCount[], asOf: IsoDate): TrialSpan[] {
  const spans: TrialSpan[] = [];
  for (const { day, discontinued, censored } of counts) {
    const startDate = addDays(asOf, -day);
    const ended: TrialSpan = { startDate, endDate: asOf };
    const ongoing: TrialSpan = { startDate };
    for (let i = 0; i < discontinued; i += 1) spans.push(ended);
    for (let i = 0; i < censored; i += 1) spans.push(ongoing);
  }
  return spans;
}

/** Counts merged by day, in day order, with the number at risk at the start of each day. */
function lifeTable(counts: readonly DayCount[]): (DayCount & { atRisk: number })[] {
  const byDay = new Map<number, DayCount>();
  for (const { day, discontinued, censored } of counts) {
    const merged = byDay.get(day) ?? { day, discontinued: 0, censored: 0 };
    byDay.set(day, {
      day,
      discontinued: merged.discontinued + discontinued,
      censored: merged.censored + censored,
    });
  }
  const days = [...byDay.values()].sort((a, b) => a.day - b.day);
  let atRisk = days.reduce((sum, row) => sum + row.discontinued + row.censored, 0);
  return days.map((row) => {
    const entry = { ...row, atRisk };
    atRisk -= row.discontinued + row.censored;
    return entry;
  });
}

/**
 * §8 continuation of one group from its aggregated counts: the Kaplan–Meier rates, median and curve
 * of the rules package's `continuation` (the one estimator), with Greenwood log-log 95 % intervals
 * and the number at risk computed from the same counts. Null when the group has no trial.
 */
export function estimateContinuation(
  counts: readonly DayCount[],
  asOf: IsoDate,
): ContinuationEstimate | null {
  const estimate = continuation(spansOf(counts, asOf), asOf);
  if (estimate.trialCount === 0) return null;
  const table = lifeTable(counts);
  const events = table.filter((row) => row.discontinued > 0);
  const eventRates = estimate.curve.slice(1);
  if (eventRates.length !== events.length || eventRates.some((point, i) => point.day !== events[i]?.day)) {
    throw new Error('The estimator and the life table disagree on the days with a discontinuation.');
  }
  const bands = greenwoodBands(events.map((row, i) => ({ ...row, rate: eventRates[i]?.rate ?? Number.NaN })));
  const atRiskOn = (day: number) =>
    table.reduce((sum, row) => (row.day >= day ? sum + row.discontinued + row.censored : sum), 0);
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
  return {
    trialCount: estimate.trialCount,
    discontinuedCount: estimate.discontinuedCount,
    censoredCount: estimate.censoredCount,
    medianDays: estimate.medianDays,
    curve,
    at(day) {
      const rate = estimate.rateAt(day) ?? 1;
      let interval = logLogInterval(1, 0);
      for (const band of bands) if (band.day <= day) interval = { lower: band.lower, upper: band.upper };
      return { day, rate, ...interval, atRisk: atRiskOn(day) };
    },
  };
}
