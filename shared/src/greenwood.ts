// §8: Greenwood's variance of a Kaplan–Meier continuation rate and the 95 % interval built from it,
// beside `continuation`, so the API and the portal show the same intervals.
//
// Interval: the log-log ("complementary log-log") transform of Greenwood's variance, as Kalbfleisch
// & Prentice and Stata's `sts` do (R's survfit with conf.type = "log-log"). Unlike the plain
// S ± z·SE interval it always stays inside [0, 1] and is not symmetric near 0 or 1.

/** The 97.5th percentile of the standard normal distribution: two-sided 95 % intervals. */
export const Z_95 = 1.959963984540054;

/** One day on which at least one trial was discontinued, with the Kaplan–Meier rate after it. */
export interface EventDay {
  day: number;
  /** Trials still on LDN at the start of the day (those censored that day included). */
  atRisk: number;
  /** Trials discontinued that day. */
  discontinued: number;
  /** The Kaplan–Meier rate after the day's discontinuations (from the rules package). */
  rate: number;
}

export interface ConfidenceBand {
  day: number;
  rate: number;
  /** Greenwood's sum Σ d / (n (n − d)) over the event days up to this one. */
  greenwoodSum: number;
  /** Greenwood's standard error of the rate: rate · √sum (0 once the rate is 0). */
  standardError: number;
  lower: number;
  upper: number;
}

/**
 * The log-log interval of a Kaplan–Meier rate whose Greenwood sum is `greenwoodSum`:
 * rate^exp(±z · √sum / |ln rate|). A rate of 1 (no discontinuation yet) gives [1, 1]; a rate of 0
 * (everyone at risk discontinued) gives [0, 0].
 */
export function logLogInterval(
  rate: number,
  greenwoodSum: number,
  z = Z_95,
): { lower: number; upper: number } {
  if (rate >= 1) return { lower: 1, upper: 1 };
  if (rate <= 0 || !Number.isFinite(greenwoodSum)) return { lower: 0, upper: 0 };
  const spread = (z * Math.sqrt(greenwoodSum)) / Math.abs(Math.log(rate));
  return { lower: rate ** Math.exp(spread), upper: rate ** Math.exp(-spread) };
}

/**
 * Greenwood's variance and the log-log 95 % interval at each event day, from the same at-risk and
 * discontinued counts the estimate was computed from. `events` must be in day order.
 */
export function greenwoodBands(events: readonly EventDay[], z = Z_95): ConfidenceBand[] {
  let greenwoodSum = 0;
  let previousDay = Number.NEGATIVE_INFINITY;
  return events.map(({ day, atRisk, discontinued, rate }) => {
    if (day <= previousDay) throw new RangeError('Event days must be distinct and in order.');
    if (discontinued < 1 || discontinued > atRisk) {
      throw new RangeError(`Day ${day}: ${discontinued} discontinued of ${atRisk} at risk.`);
    }
    previousDay = day;
    // Everyone at risk discontinued: the rate is 0 from here on and its variance is taken as 0.
    greenwoodSum =
      discontinued === atRisk
        ? Number.POSITIVE_INFINITY
        : greenwoodSum + discontinued / (atRisk * (atRisk - discontinued));
    const standardError = rate <= 0 ? 0 : rate * Math.sqrt(greenwoodSum);
    return { day, rate, greenwoodSum, standardError, ...logLogInterval(rate, greenwoodSum, z) };
  });
}
