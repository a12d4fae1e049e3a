import { addDays, daysBetween } from '@ldn/rules';

/** A pain score (NRS 0–10) on a calendar date. */
export interface DatedScore {
  date: string;
  score: number;
}

export interface PainChartInput {
  scores: readonly DatedScore[];
  baseline: DatedScore;
  /** Reductions from baseline to draw, in % (the clinic policy's thresholds, e.g. 30 and 50). */
  reductionLinesPercent: readonly number[];
  /** The assessment window to shade, when the trial has one. */
  window: { opensOn: string; dueBy: string } | null;
}

export interface ChartBox {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
}

export interface PainChartGeometry {
  /** First and last calendar day of the x axis. */
  start: string;
  end: string;
  x(date: string): number;
  y(score: number): number;
  points: Array<DatedScore & { x: number; y: number }>;
  /** SVG polyline `points` of the scores in date order. */
  line: string;
  baselineY: number;
  reductionLines: Array<{ percent: number; score: number; y: number }>;
  /** The shaded window, clipped to the axis; null when there is none or it lies outside. */
  windowBand: { x: number; width: number } | null;
  xTicks: Array<{ date: string; x: number }>;
  yTicks: Array<{ score: number; y: number }>;
}

/** The pain scale is fixed (NRS 0–10), so charts of different trials compare by eye. */
const MAX_SCORE = 10;

/** Day spacing of the x ticks: whole weeks, about `ticks` ticks (five) whatever the span. */
export function tickStepDays(spanDays: number, ticks = 5): number {
  return Math.max(7, Math.ceil(spanDays / ticks / 7) * 7);
}

/** Room a date label ("15 Nov") needs on the x axis, in pixels, so labels never overlap. */
const X_TICK_SPACING = 56;

/** As many x ticks as fit the axis's width (a phone's chart has room for fewer), five at most. */
function xTickCount(innerWidth: number): number {
  return Math.min(5, Math.max(2, Math.floor(innerWidth / X_TICK_SPACING)));
}

/**
 * Where everything of the pain chart goes: a time scale over the calendar days from the first
 * score (or the baseline) to the last score or the end of the assessment window, the fixed 0–10
 * pain scale, and the baseline with the reduction lines at `baseline × (1 − p/100)`.
 */
export function painChartGeometry(input: PainChartInput, box: ChartBox): PainChartGeometry {
  const dates = [input.baseline.date, ...input.scores.map((score) => score.date)];
  if (input.window !== null) dates.push(input.window.opensOn, input.window.dueBy);
  const sorted = [...dates].sort();
  const start = sorted[0] as string;
  let end = sorted.at(-1) as string;
  if (end === start) end = addDays(start, 1);
  const spanDays = daysBetween(start, end);

  const innerWidth = box.width - box.margin.left - box.margin.right;
  const innerHeight = box.height - box.margin.top - box.margin.bottom;
  const x = (date: string) => box.margin.left + (daysBetween(start, date) / spanDays) * innerWidth;
  const y = (score: number) => box.margin.top + ((MAX_SCORE - score) / MAX_SCORE) * innerHeight;

  const points = [...input.scores]
    .sort((a, b) => daysBetween(b.date, a.date))
    .map((score) => ({ ...score, x: x(score.date), y: y(score.score) }));

  const baselineScore = input.baseline.score;
  // A baseline of 0 cannot show a reduction: no lines to draw.
  const reductionLines =
    baselineScore > 0
      ? input.reductionLinesPercent.map((percent) => {
          const score = (baselineScore * (100 - percent)) / 100;
          return { percent, score, y: y(score) };
        })
      : [];

  let windowBand: PainChartGeometry['windowBand'] = null;
  if (input.window !== null) {
    const left = Math.max(x(input.window.opensOn), box.margin.left);
    const right = Math.min(x(input.window.dueBy), box.width - box.margin.right);
    if (right > left) windowBand = { x: left, width: right - left };
  }

  const step = tickStepDays(spanDays, xTickCount(innerWidth));
  const xTicks: PainChartGeometry['xTicks'] = [];
  for (let day = 0; day <= spanDays; day += step) {
    const date = addDays(start, day);
    xTicks.push({ date, x: x(date) });
  }
  const yTicks = [0, 2, 4, 6, 8, 10].map((score) => ({ score, y: y(score) }));

  return {
    start,
    end,
    x,
    y,
    points,
    line: points.map((point) => `${point.x.toFixed(1)},${point.y.toFixed(1)}`).join(' '),
    baselineY: y(baselineScore),
    reductionLines,
    windowBand,
    xTicks,
    yTicks,
  };
}

/** One sentence a screen reader reads for the chart: baseline, latest score, lines and window. */
export function describePainChart(input: PainChartInput): string {
  const sentences = [`Baseline pain ${input.baseline.score} of 10 on ${input.baseline.date}.`];
  const latest = [...input.scores].sort((a, b) => daysBetween(b.date, a.date)).at(-1);
  if (latest !== undefined) sentences.push(`Latest score ${latest.score} on ${latest.date}.`);
  if (input.baseline.score > 0 && input.reductionLinesPercent.length > 0) {
    const lines = input.reductionLinesPercent.map(
      (percent) => `${percent} % lower is ${formatScore((input.baseline.score * (100 - percent)) / 100)}`,
    );
    sentences.push(`Lines: ${lines.join('; ')}.`);
  }
  if (input.window !== null) {
    sentences.push(`Assessment window ${input.window.opensOn} to ${input.window.dueBy}.`);
  }
  return sentences.join(' ');
}

/** 4.9, 3.5, 7: at most one decimal. */
export function formatScore(score: number): string {
  return Number.isInteger(score) ? String(score) : score.toFixed(1);
}
