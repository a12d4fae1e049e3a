import { useId } from 'react';
import { ScrollArea } from '../../../components/ui/ScrollArea.tsx';
import {
  type ChartBox,
  type CurvePoint,
  continuationChartGeometry,
  describeContinuationChart,
  formatRateWithInterval,
  REFERENCE_DAY,
} from './continuation-chart.ts';

const BOX: ChartBox = { width: 640, height: 280, margin: { top: 16, right: 24, bottom: 40, left: 48 } };

// The shared stylesheet belongs to the shell; the chart's few colours are presentation attributes.
const INK_MUTED = '#4a5260';
const GRID = '#e2e6eb';
const BAND = '#cfe0f5';
const LINE = '#0b5cad';
const REFERENCE = '#8a4b00';

/** The Kaplan–Meier continuation curve: the estimate as steps, its 95 % band, the §8 reference. */
export function ContinuationChart({
  curve,
  medianDays,
}: {
  curve: readonly CurvePoint[];
  medianDays: number | null;
}) {
  const titleId = useId();
  const descriptionId = useId();
  const chart = continuationChartGeometry(curve, BOX);
  const plotBottom = BOX.height - BOX.margin.bottom;
  const plotRight = BOX.width - BOX.margin.right;
  return (
    <figure className="continuation-chart" style={{ margin: 0 }}>
      <svg
        viewBox={`0 0 ${BOX.width} ${BOX.height}`}
        role="img"
        aria-labelledby={`${titleId} ${descriptionId}`}
        preserveAspectRatio="xMinYMin meet"
        style={{ width: '100%', maxWidth: `${BOX.width}px`, height: 'auto' }}
        fontSize={11}
      >
        <title id={titleId}>Continuation of LDN (Kaplan–Meier)</title>
        <desc id={descriptionId}>{describeContinuationChart(curve, medianDays)}</desc>
        <g className="chart-grid">
          {chart.yTicks.map((tick) => (
            <g key={tick.share}>
              <line x1={BOX.margin.left} x2={plotRight} y1={tick.y} y2={tick.y} stroke={GRID} />
              <text x={BOX.margin.left - 8} y={tick.y + 4} textAnchor="end" fill={INK_MUTED}>
                {Math.round(tick.share * 100)} %
              </text>
            </g>
          ))}
          {chart.xTicks.map((tick) => (
            <text key={tick.day} x={tick.x} y={plotBottom + 16} textAnchor="middle" fill={INK_MUTED}>
              {tick.day}
            </text>
          ))}
          <text x={(BOX.margin.left + plotRight) / 2} y={BOX.height - 6} textAnchor="middle" fill={INK_MUTED}>
            Days on LDN
          </text>
        </g>
        <path className="chart-band" d={chart.bandPath} fill={BAND} stroke="none" />
        <path className="chart-step" d={chart.stepPath} fill="none" stroke={LINE} strokeWidth={2} />
        <g className="chart-reference">
          <line
            x1={chart.reference.x}
            x2={chart.reference.x}
            y1={BOX.margin.top}
            y2={plotBottom}
            stroke={REFERENCE}
            strokeDasharray="4 3"
          />
          <circle cx={chart.reference.x} cy={chart.reference.y} r={4.5} fill={REFERENCE} />
          <text x={chart.reference.x + 8} y={chart.reference.y - 8} fill={REFERENCE} fontWeight={600}>
            VA review: 50 % at {REFERENCE_DAY} days
          </text>
        </g>
      </svg>
      <figcaption className="muted">
        Share of trials still on LDN by day on therapy. Line: the estimate; shaded: its 95 % confidence
        interval; dashed marker: the VA review’s reference (clinical-rules §8).
      </figcaption>
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
