import { useId } from 'react';
import { ScrollArea } from '../../../components/ui/ScrollArea.tsx';
import { useElementWidth } from '../../../lib/use-element-width.ts';
import {
  type CensoringPoint,
  type ChartBox,
  type CurvePoint,
  continuationChartGeometry,
  describeContinuationChart,
  formatRateWithInterval,
  REFERENCE_DAY,
} from './continuation-chart.ts';

/** Drawn in real pixels at the card's width, so every label stays 11 px, down to a 390 px phone. */
const HEIGHT = 300;
const MARGIN = { top: 16, right: 16, bottom: 72, left: 52 };
const FALLBACK_WIDTH = 640;
const FONT_SIZE = 11;

// The shared stylesheet belongs to the shell; the chart's few colours are presentation attributes.
const INK_MUTED = '#4a5260';
const GRID = '#e2e6eb';
const BAND = '#cfe0f5';
const LINE = '#0b5cad';
const REFERENCE = '#8a4b00';

export interface NumberAtRisk {
  day: number;
  atRisk: number;
}

/**
 * The Kaplan–Meier continuation curve: the estimate as steps to the last follow-up, ticks where
 * trials were censored, its 95 % band, the §8 reference, and the numbers at risk under the axis.
 */
export function ContinuationChart({
  curve,
  censorings,
  followUpDays,
  numbersAtRisk,
  medianDays,
}: {
  curve: readonly CurvePoint[];
  censorings: readonly CensoringPoint[];
  followUpDays: number | null;
  numbersAtRisk: readonly NumberAtRisk[];
  medianDays: number | null;
}) {
  const titleId = useId();
  const descriptionId = useId();
  const [frameRef, width] = useElementWidth<HTMLDivElement>(FALLBACK_WIDTH);
  const box: ChartBox = { width, height: HEIGHT, margin: MARGIN };
  const chart = continuationChartGeometry(curve, box, { followUpDays, censorings });
  const plotBottom = HEIGHT - MARGIN.bottom;
  const plotRight = width - MARGIN.right;
  const atRiskOnTicks = numbersAtRisk.filter((entry) => entry.day % chart.tickEveryDays === 0);
  return (
    <figure className="continuation-chart" style={{ margin: 0 }}>
      <div ref={frameRef} style={{ width: '100%' }}>
        <svg
          width={width}
          height={HEIGHT}
          viewBox={`0 0 ${width} ${HEIGHT}`}
          role="img"
          aria-labelledby={`${titleId} ${descriptionId}`}
          style={{ display: 'block', maxWidth: '100%' }}
          fontSize={FONT_SIZE}
        >
          <title id={titleId}>Continuation of LDN (Kaplan–Meier)</title>
          <desc id={descriptionId}>{describeContinuationChart(curve, medianDays)}</desc>
          <g className="chart-grid">
            {chart.yTicks.map((tick) => (
              <g key={tick.share}>
                <line x1={MARGIN.left} x2={plotRight} y1={tick.y} y2={tick.y} stroke={GRID} />
                <text x={MARGIN.left - 8} y={tick.y + 4} textAnchor="end" fill={INK_MUTED}>
                  {Math.round(tick.share * 100)} %
                </text>
              </g>
            ))}
            {chart.xTicks.map((tick) => (
              <text key={tick.day} x={tick.x} y={plotBottom + 16} textAnchor="middle" fill={INK_MUTED}>
                {tick.day}
              </text>
            ))}
            <text x={(MARGIN.left + plotRight) / 2} y={plotBottom + 32} textAnchor="middle" fill={INK_MUTED}>
              Days on LDN
            </text>
          </g>
          <path className="chart-band" d={chart.bandPath} fill={BAND} stroke="none" />
          <path className="chart-step" d={chart.stepPath} fill="none" stroke={LINE} strokeWidth={2} />
          <g className="chart-censorings" stroke={LINE} strokeWidth={1.5}>
            {chart.censorMarks.map((mark) => (
              <line key={mark.day} x1={mark.x} x2={mark.x} y1={mark.y - 5} y2={mark.y + 5} />
            ))}
          </g>
          <g className="chart-reference">
            <line
              x1={chart.reference.x}
              x2={chart.reference.x}
              y1={MARGIN.top}
              y2={plotBottom}
              stroke={REFERENCE}
              strokeDasharray="4 3"
            />
            <circle cx={chart.reference.x} cy={chart.reference.y} r={4.5} fill={REFERENCE} />
            <text x={chart.reference.x + 8} y={chart.reference.y - 8} fill={REFERENCE} fontWeight={600}>
              VA review: 50 % at {REFERENCE_DAY} days
            </text>
          </g>
          <g className="chart-at-risk">
            {/* A row of its own above the counts: beside them it would run into the day-0 count. */}
            <text x={MARGIN.left} y={plotBottom + 50} textAnchor="middle" fill={INK_MUTED} fontWeight={600}>
              At risk
            </text>
            {atRiskOnTicks.map((entry) => (
              <text
                key={entry.day}
                x={chart.x(entry.day)}
                y={plotBottom + 65}
                textAnchor="middle"
                fill={INK_MUTED}
              >
                {entry.atRisk.toLocaleString('en-US')}
              </text>
            ))}
          </g>
        </svg>
      </div>
      <figcaption className="muted">
        Share of trials still on LDN by day on therapy, to the longest follow-up. Line: the estimate; shaded:
        its 95 % confidence interval; small ticks: trials still on LDN when followed up that long (censored);
        dashed marker: the VA review’s reference (clinical-rules §8). Under the axis: the trials still
        followed up (at risk) on that day — where they are few, the curve says little.
      </figcaption>
      <NumbersAtRiskTable numbersAtRisk={numbersAtRisk} />
      <details>
        <summary>Curve as a table</summary>
        <ScrollArea label="Continuation curve table" tall>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Day</th>
                <th scope="col">Still on LDN (95 % CI)</th>
                <th scope="col">At risk</th>
              </tr>
            </thead>
            <tbody>
              {curve.map((point) => (
                <tr key={point.day}>
                  <td>{point.day}</td>
                  <td>{formatRateWithInterval(point)}</td>
                  <td>{point.atRisk}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollArea>
      </details>
    </figure>
  );
}

/** The numbers at risk as a table, for screen readers and for reading the exact figures. */
function NumbersAtRiskTable({ numbersAtRisk }: { numbersAtRisk: readonly NumberAtRisk[] }) {
  if (numbersAtRisk.length === 0) return null;
  return (
    <ScrollArea label="Numbers at risk">
      <table className="table">
        <caption className="visually-hidden">Numbers at risk</caption>
        <tbody>
          <tr>
            <th scope="row">Day</th>
            {numbersAtRisk.map((entry) => (
              <td key={entry.day}>{entry.day}</td>
            ))}
          </tr>
          <tr>
            <th scope="row">At risk</th>
            {numbersAtRisk.map((entry) => (
              <td key={entry.day}>{entry.atRisk.toLocaleString('en-US')}</td>
            ))}
          </tr>
        </tbody>
      </table>
    </ScrollArea>
  );
}
