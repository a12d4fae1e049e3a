import { describe, expect, it } from 'vitest';
import {
  type ChartBox,
  type CurvePoint,
  continuationChartGeometry,
  describeContinuationChart,
  formatRateWithInterval,
} from './continuation-chart.ts';

const BOX: ChartBox = { width: 430, height: 120, margin: { top: 10, right: 10, bottom: 10, left: 0 } };
// Inner area: x 0…420 for 0…210 days (2 px a day), y 10…110 (100 px for 0–100 %).

/** A curve point with a symmetric interval of ±`halfWidth`. */
function aPoint(day: number, rate: number, halfWidth = 0.1, atRisk = 20): CurvePoint {
  return { day, rate, lower: rate - halfWidth, upper: rate + halfWidth, atRisk };
}

const CURVE = [aPoint(0, 1, 0), aPoint(50, 0.8), aPoint(100, 0.5)];

describe('continuationChartGeometry', () => {
  it('scales days to x from day 0 and shares to y with 100 % at the top', () => {
    const chart = continuationChartGeometry(CURVE, BOX);
    expect(chart.maxDay).toBe(210);
    expect(chart.x(0)).toBe(0);
    expect(chart.x(105)).toBe(210);
    expect(chart.y(1)).toBe(10);
    expect(chart.y(0)).toBe(110);
    expect(chart.y(0.5)).toBe(60);
  });

  it('draws the estimate as steps: level until the next day, then the drop', () => {
    const chart = continuationChartGeometry(CURVE, BOX);
    expect(chart.stepPath).toBe('M0.0,10.0 L100.0,10.0 L100.0,30.0 L200.0,30.0 L200.0,60.0');
  });

  it('draws the band along the upper steps and back along the lower steps', () => {
    const chart = continuationChartGeometry(CURVE, BOX);
    expect(chart.bandPath).toBe(
      'M0.0,10.0 L100.0,10.0 L100.0,20.0 L200.0,20.0 L200.0,50.0 ' +
        'L200.0,70.0 L200.0,40.0 L100.0,40.0 L100.0,10.0 L0.0,10.0 Z',
    );
  });

  it('sorts the points by day whatever order they came in', () => {
    const shuffled = [CURVE[2], CURVE[0], CURVE[1]] as CurvePoint[];
    expect(continuationChartGeometry(shuffled, BOX).stepPath).toBe(
      continuationChartGeometry(CURVE, BOX).stepPath,
    );
  });

  it('marks the reference at 123 days and 50 %', () => {
    expect(continuationChartGeometry(CURVE, BOX).reference).toEqual({ x: 246, y: 60 });
  });

  it('widens the axis to whole months past a long curve', () => {
    const chart = continuationChartGeometry([aPoint(0, 1, 0), aPoint(250, 0.4)], BOX);
    expect(chart.maxDay).toBe(270);
    expect(chart.xTicks.map((tick) => tick.day)).toEqual([0, 30, 60, 90, 120, 150, 180, 210, 240, 270]);
  });

  it('runs the curve and its band on flat to the last follow-up, with a tick at each censoring', () => {
    const chart = continuationChartGeometry(CURVE, BOX, {
      followUpDays: 160,
      censorings: [{ day: 160, rate: 0.5 }],
    });
    expect(chart.stepPath).toBe(
      'M0.0,10.0 L100.0,10.0 L100.0,30.0 L200.0,30.0 L200.0,60.0 L320.0,60.0 L320.0,60.0',
    );
    expect(chart.bandPath).toContain('L320.0,50.0');
    expect(chart.censorMarks).toEqual([{ day: 160, x: 320, y: 60 }]);
  });

  it('keeps x ticks at least 40 px apart on a phone, in steps of whole months', () => {
    const phone: ChartBox = { width: 390, height: 300, margin: { top: 16, right: 16, bottom: 72, left: 52 } };
    const chart = continuationChartGeometry([aPoint(0, 1, 0), aPoint(700, 0.3)], phone);
    expect(chart.tickEveryDays % 30).toBe(0);
    expect(chart.maxDay % chart.tickEveryDays).toBe(0);
    const gaps = chart.xTicks.slice(1).map((tick, i) => tick.x - (chart.xTicks[i]?.x ?? 0));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(40);
    expect(chart.xTicks.map((tick) => tick.day)).toEqual([0, 90, 180, 270, 360, 450, 540, 630, 720]);
  });

  it('draws nothing for an empty (suppressed) curve', () => {
    const chart = continuationChartGeometry([], BOX);
    expect(chart.stepPath).toBe('');
    expect(chart.bandPath).toBe('');
  });
});

describe('describeContinuationChart', () => {
  it('says the span, the last estimate, the median and the reference', () => {
    expect(describeContinuationChart(CURVE, 100)).toBe(
      'Kaplan–Meier share of trials still on LDN from day 0 to day 100. At day 100: 50 % (95 % CI 40–60 %), 20 at risk. Median time on LDN: 100 days. Reference (VA review): 50 % continuing at 123 days.',
    );
  });

  it('says when there is no curve', () => {
    expect(describeContinuationChart([], null)).toBe('No continuation curve: too few trials.');
  });
});

describe('formatRateWithInterval', () => {
  it('gives whole percentages', () => {
    expect(formatRateWithInterval({ rate: 0.623, lower: 0.481, upper: 0.744 })).toBe(
      '62 % (95 % CI 48–74 %)',
    );
  });
});
