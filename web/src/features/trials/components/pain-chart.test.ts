import { describe, expect, it } from 'vitest';
import {
  type ChartBox,
  describePainChart,
  type PainChartInput,
  painChartGeometry,
  tickStepDays,
} from './pain-chart.ts';

const BOX: ChartBox = { width: 500, height: 220, margin: { top: 10, right: 100, bottom: 10, left: 0 } };
// Inner area: x 0…400, y 10…210 (200 px for 10 points of pain: 20 px a point).

/** A trial's chart input: baseline 7 on 03-01, thresholds 30 % and 50 %, no window unless given. */
function aChart(changes: Partial<PainChartInput> = {}): PainChartInput {
  return {
    baseline: { date: '2026-03-01', score: 7 },
    scores: [
      { date: '2026-03-01', score: 7 },
      { date: '2026-03-21', score: 5 },
      { date: '2026-03-11', score: 6 },
    ],
    reductionLinesPercent: [30, 50],
    window: null,
    ...changes,
  };
}

describe('painChartGeometry', () => {
  it('spans the calendar days from the baseline to the last score', () => {
    const chart = painChartGeometry(aChart(), BOX);
    expect([chart.start, chart.end]).toEqual(['2026-03-01', '2026-03-21']);
    expect(chart.x('2026-03-01')).toBe(0);
    expect(chart.x('2026-03-11')).toBe(200);
    expect(chart.x('2026-03-21')).toBe(400);
  });

  it('draws pain upwards on the fixed 0–10 scale', () => {
    const chart = painChartGeometry(aChart(), BOX);
    expect(chart.y(10)).toBe(10);
    expect(chart.y(0)).toBe(210);
    expect(chart.baselineY).toBe(chart.y(7));
  });

  it('puts the 30 % and 50 % lines at baseline × 0.7 and × 0.5 (7 → 4.9 and 3.5)', () => {
    const chart = painChartGeometry(aChart(), BOX);
    expect(chart.reductionLines.map(({ percent, score }) => [percent, score])).toEqual([
      [30, 4.9],
      [50, 3.5],
    ]);
    expect(chart.reductionLines[0]?.y).toBeCloseTo(chart.y(4.9));
  });

  it('draws no reduction line over a baseline of 0', () => {
    const chart = painChartGeometry(aChart({ baseline: { date: '2026-03-01', score: 0 } }), BOX);
    expect(chart.reductionLines).toEqual([]);
  });

  it('orders the points by date whatever order they came in', () => {
    const chart = painChartGeometry(aChart(), BOX);
    expect(chart.points.map((point) => point.date)).toEqual(['2026-03-01', '2026-03-11', '2026-03-21']);
    expect(chart.line).toBe('0.0,70.0 200.0,90.0 400.0,110.0');
  });

  it('extends the axis to the end of the assessment window and shades it', () => {
    const chart = painChartGeometry(aChart({ window: { opensOn: '2026-03-21', dueBy: '2026-04-10' } }), BOX);
    expect(chart.end).toBe('2026-04-10');
    expect(chart.windowBand).toEqual({ x: 200, width: 200 });
  });

  it('keeps a single-day chart drawable', () => {
    const chart = painChartGeometry(aChart({ scores: [{ date: '2026-03-01', score: 7 }] }), BOX);
    expect(chart.end).toBe('2026-03-02');
    expect(Number.isFinite(chart.points[0]?.x)).toBe(true);
  });

  it('ticks the time axis in whole weeks', () => {
    expect(tickStepDays(20)).toBe(7);
    expect(tickStepDays(84)).toBe(21);
    const chart = painChartGeometry(aChart(), BOX);
    expect(chart.xTicks.map((tick) => tick.date)).toEqual(['2026-03-01', '2026-03-08', '2026-03-15']);
  });

  it('gives a phone-wide chart fewer time ticks, each with room for its date label', () => {
    const twelveWeeks = aChart({ window: { opensOn: '2026-05-10', dueBy: '2026-05-24' } });
    const wide = painChartGeometry(twelveWeeks, BOX);
    expect(wide.xTicks).toHaveLength(5);
    const phone = painChartGeometry(twelveWeeks, {
      ...BOX,
      width: 275,
      margin: { ...BOX.margin, left: 40, right: 120 },
    });
    expect(phone.xTicks.map((tick) => tick.date)).toEqual(['2026-03-01', '2026-04-12', '2026-05-24']);
    const gaps = phone.xTicks.slice(1).map((tick, index) => tick.x - (phone.xTicks[index]?.x ?? 0));
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(56);
  });
});

describe('describePainChart', () => {
  it('says the baseline, the latest score, the lines and the window', () => {
    expect(describePainChart(aChart({ window: { opensOn: '2026-03-21', dueBy: '2026-04-10' } }))).toBe(
      'Baseline pain 7 of 10 on 2026-03-01. Latest score 5 on 2026-03-21. Lines: 30 % lower is 4.9; 50 % lower is 3.5. Assessment window 2026-03-21 to 2026-04-10.',
    );
  });
});
