import { useId } from 'react';
import { ScrollArea } from '../../../components/ui/ScrollArea.tsx';
import { formatDate } from '../../../lib/format.ts';
import {
  type ChartBox,
  describePainChart,
  formatScore,
  type PainChartInput,
  painChartGeometry,
} from './pain-chart.ts';

const BOX: ChartBox = { width: 640, height: 260, margin: { top: 16, right: 120, bottom: 36, left: 40 } };

/** Pain scores against the baseline, with the reduction lines and the assessment window shaded. */
export function PainChart(props: PainChartInput) {
  const titleId = useId();
  const descriptionId = useId();
  const chart = painChartGeometry(props, BOX);
  const labelX = BOX.width - BOX.margin.right + 6;
  const plotRight = BOX.width - BOX.margin.right;
  return (
    <figure className="pain-chart">
      <svg
        viewBox={`0 0 ${BOX.width} ${BOX.height}`}
        role="img"
        aria-labelledby={`${titleId} ${descriptionId}`}
        preserveAspectRatio="xMinYMin meet"
      >
        <title id={titleId}>Pain scores against baseline</title>
        <desc id={descriptionId}>{describePainChart(props)}</desc>
        {chart.windowBand !== null && (
          <g className="chart-window">
            <rect
              x={chart.windowBand.x}
              y={BOX.margin.top}
              width={chart.windowBand.width}
              height={BOX.height - BOX.margin.top - BOX.margin.bottom}
            />
            <text x={chart.windowBand.x + 4} y={BOX.margin.top + 12}>
              Assessment window
            </text>
          </g>
        )}
        <g className="chart-grid">
          {chart.yTicks.map((tick) => (
            <g key={tick.score}>
              <line x1={BOX.margin.left} x2={plotRight} y1={tick.y} y2={tick.y} />
              <text x={BOX.margin.left - 8} y={tick.y + 4} textAnchor="end">
                {tick.score}
              </text>
            </g>
          ))}
          {chart.xTicks.map((tick) => (
            <text key={tick.date} x={tick.x} y={BOX.height - BOX.margin.bottom + 18} textAnchor="middle">
              {formatDate(tick.date).replace(/ \d{4}$/, '')}
            </text>
          ))}
        </g>
        <g className="chart-baseline">
          <line x1={BOX.margin.left} x2={plotRight} y1={chart.baselineY} y2={chart.baselineY} />
          <text x={labelX} y={chart.baselineY + 4}>
            Baseline {props.baseline.score}
          </text>
        </g>
        {chart.reductionLines.map((line) => (
          <g key={line.percent} className={`chart-reduction chart-reduction-${line.percent}`}>
            <line x1={BOX.margin.left} x2={plotRight} y1={line.y} y2={line.y} />
            <text x={labelX} y={line.y + 4}>
              {line.percent} % lower ({formatScore(line.score)})
            </text>
          </g>
        ))}
        <g className="chart-scores">
          <polyline points={chart.line} />
          {chart.points.map((point, index) => (
            <circle key={`${point.date}-${index}`} cx={point.x} cy={point.y} r={3.5}>
              <title>
                {formatDate(point.date)}: {point.score}
              </title>
            </circle>
          ))}
        </g>
      </svg>
      <figcaption className="muted">
        Pain (0–10) by date. Solid line: baseline; dashed lines: the clinic policy’s response thresholds;
        shaded: the assessment window.
      </figcaption>
      <details>
        <summary>Pain scores as a table</summary>
        <ScrollArea label="Pain scores table" tall>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Pain (0–10)</th>
              </tr>
            </thead>
            <tbody>
              {chart.points.map((point, index) => (
                <tr key={`${point.date}-${index}`}>
                  <td>{formatDate(point.date)}</td>
                  <td>{point.score}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollArea>
      </details>
    </figure>
  );
}
