/** A Kaplan–Meier point: the share still on LDN at a day on therapy, with its 95 % interval. */
export interface CurvePoint {
  day: number;
  rate: number;
  lower: number;
  upper: number;
  atRisk: number;
}

/** A day with trials censored (still on LDN at the report date): a tick on the curve. */
export interface CensoringPoint {
  day: number;
  rate: number;
}

/** What else the chart shows: how far the curve runs, and its censoring marks. */
export interface ChartExtent {
  /** The last day the curve is drawn to (the longest follow-up shown); the last point when absent. */
  followUpDays?: number | null;
  censorings?: readonly CensoringPoint[];
}

export interface ChartBox {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
}

export interface ContinuationChartGeometry {
  /** The last day of the x axis (the axis starts at day 0). */
  maxDay: number;
  x(day: number): number;
  y(share: number): number;
  /** SVG path `d` of the estimate: flat until the next discontinuation day, then a drop. */
  stepPath: string;
  /** SVG path `d` of the 95 % band: the upper bound's steps out, the lower bound's back. */
  bandPath: string;
  /** The §8 reference: 123 days, 50 % continuing (VA review [6]). */
  reference: { x: number; y: number };
  xTicks: Array<{ day: number; x: number }>;
  yTicks: Array<{ share: number; y: number }>;
  /** Days between two x ticks: a multiple of 30, wide enough for labels ≥ 11 px. */
  tickEveryDays: number;
  /** Where the censoring ticks go, on the curve. */
  censorMarks: Array<{ day: number; x: number; y: number }>;
}

/** The VA review's mean time on LDN and the share continuing at follow-up (clinical-rules §8). */
export const REFERENCE_DAY = 123;
export const REFERENCE_SHARE = 0.5;

/** Ticks every 30 days (or a multiple); the axis always reaches past 180 days so 90, 123 and 180 are on it. */
const TICK_DAYS = 30;
const MIN_AXIS_DAYS = 210;
/** Fewest pixels between two x ticks: room for a number at risk such as "12,345" at 11 px. */
const MIN_TICK_SPACING = 40;

/** The tick step and the axis end: the smallest multiple of 30 days whose ticks are far enough apart. */
function xAxis(lastDay: number, innerWidth: number): { tickEveryDays: number; maxDay: number } {
  const span = Math.max(lastDay, MIN_AXIS_DAYS);
  for (let step = TICK_DAYS; ; step += TICK_DAYS) {
    const maxDay = Math.ceil(span / step) * step;
    if ((step / maxDay) * innerWidth >= MIN_TICK_SPACING || step >= maxDay)
      return { tickEveryDays: step, maxDay };
  }
}

function round(value: number): string {
  return value.toFixed(1);
}

/** Step segments of one series: a horizontal run to each next day, then the vertical change. */
function steps(
  points: readonly CurvePoint[],
  value: (point: CurvePoint) => number,
  x: (day: number) => number,
  y: (share: number) => number,
): string[] {
  const coordinates: string[] = [];
  points.forEach((point, index) => {
    const previous = points[index - 1];
    if (previous !== undefined) coordinates.push(`${round(x(point.day))},${round(y(value(previous)))}`);
    coordinates.push(`${round(x(point.day))},${round(y(value(point)))}`);
  });
  return coordinates;
}

/**
 * Where the continuation chart goes: days on therapy on x (0 to the last follow-up or 210 days,
 * rounded up to a tick), the share still on LDN on y (0–1), the estimate as a step line and its
 * interval as a band of the same steps, run on flat to the last follow-up, with a tick where
 * trials were censored. The points come in any order; they are drawn by day.
 */
export function continuationChartGeometry(
  curve: readonly CurvePoint[],
  box: ChartBox,
  extent: ChartExtent = {},
): ContinuationChartGeometry {
  const sorted = [...curve].sort((a, b) => a.day - b.day);
  const last = sorted.at(-1);
  const followUpDays = extent.followUpDays ?? null;
  // Flat after the last discontinuation, to the last follow-up: the curve does not stop at the last event.
  const points =
    last !== undefined && followUpDays !== null && followUpDays > last.day
      ? [...sorted, { ...last, day: followUpDays }]
      : sorted;
  const lastDay = points.at(-1)?.day ?? 0;
  const innerWidth = box.width - box.margin.left - box.margin.right;
  const { tickEveryDays, maxDay } = xAxis(lastDay, innerWidth);
  const innerHeight = box.height - box.margin.top - box.margin.bottom;
  const x = (day: number) => box.margin.left + (day / maxDay) * innerWidth;
  const y = (share: number) => box.margin.top + (1 - share) * innerHeight;

  const line = steps(points, (point) => point.rate, x, y);
  const upper = steps(points, (point) => point.upper, x, y);
  const lower = steps(points, (point) => point.lower, x, y).reverse();
  const stepPath = line.length > 0 ? `M${line.join(' L')}` : '';
  const bandPath = upper.length > 0 ? `M${[...upper, ...lower].join(' L')} Z` : '';

  const xTicks: ContinuationChartGeometry['xTicks'] = [];
  for (let day = 0; day <= maxDay; day += tickEveryDays) xTicks.push({ day, x: x(day) });
  const yTicks = [0, 0.25, 0.5, 0.75, 1].map((share) => ({ share, y: y(share) }));

  return {
    maxDay,
    x,
    y,
    stepPath,
    bandPath,
    reference: { x: x(REFERENCE_DAY), y: y(REFERENCE_SHARE) },
    xTicks,
    yTicks,
    tickEveryDays,
    censorMarks: (extent.censorings ?? []).map((mark) => ({
      day: mark.day,
      x: x(mark.day),
      y: y(mark.rate),
    })),
  };
}

/** What a rate with too few at risk reads, with the number at risk and the threshold. */
export function notEstimableText(atRisk: number, minimumAtRisk: number): string {
  return `Not estimable (${atRisk} at risk, fewer than ${minimumAtRisk})`;
}

/** A share as a whole percentage with its interval: `62 % (48–74 %)`. */
export function formatRateWithInterval(point: { rate: number; lower: number; upper: number }): string {
  const percent = (share: number) => Math.round(share * 100);
  return `${percent(point.rate)} % (95 % CI ${percent(point.lower)}–${percent(point.upper)} %)`;
}

/** What a screen reader hears for the chart: the span, the last estimate and the reference. */
export function describeContinuationChart(curve: readonly CurvePoint[], medianDays: number | null): string {
  const points = [...curve].sort((a, b) => a.day - b.day);
  const last = points.at(-1);
  if (last === undefined) return 'No continuation curve: too few trials.';
  const sentences = [
    `Kaplan–Meier share of trials still on LDN from day 0 to day ${last.day}.`,
    `At day ${last.day}: ${formatRateWithInterval(last)}, ${last.atRisk} at risk.`,
    medianDays === null ? 'The median is not reached.' : `Median time on LDN: ${medianDays} days.`,
    `Reference (VA review): ${REFERENCE_SHARE * 100} % continuing at ${REFERENCE_DAY} days.`,
  ];
  return sentences.join(' ');
}
