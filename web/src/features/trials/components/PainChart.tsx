import { useId } from 'react';
import { ScrollArea } from '../../../components/ui/ScrollArea.tsx';
import { formatDate } from '../../../lib/format.ts';
import { useElementWidth } from '../../../lib/use-element-width.ts';
import {
  type ChartBox,
  describePainChart,
  formatScore,
  type PainChartInput,
  painChartGeometry,
} from './pain-chart.ts';

/** The drawing at its widest; a wider screen scales it up, a narrower one lays it out anew. */
const WIDEST_BOX: ChartBox = {
  width: 640,
  height: 260,
  margin: { top: 16, right: 120, bottom: 36, left: 40 },
};

/** Pain scores against the baseline, with the reduction lines and the assessment window shaded. */
export function PainChart(props: PainChartInput) {
  const titleId = useId();
  const descriptionId = useId();
  // Narrower than the drawing (a phone), the chart is laid out at the real width, so its labels
  // keep their CSS size instead of shrinking with the whole picture (issue #21).
  const [figureRef, figureWidth] = useElementWidth<HTMLElement>(WIDEST_BOX.width);
  const box: ChartBox = { ...WIDEST_BOX, width: Math.min(figureWidth, WIDEST_BOX.width) };
  const chart = painChartGeometry(props, box);
  const labelX = box.width - box.margin.right + 6;
  const plotRight = box.width - box.margin.right;
  return (
    <figure className="pain-chart" ref={figureRef}>
      <svg
        viewBox={`0 0 ${box.width} ${box.height}`}
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
              y={box.margin.top}
              width={chart.windowBand.width}
              height={box.height - box.margin.top - box.margin.bottom}
            />
            <text x={chart.windowBand.x + 4} y={box.margin.top + 12}>
              Assessment window
            </text>
          </g>
        )}
        <g className="chart-grid">
          {chart.yTicks.map((tick) => (
            <g key={tick.score}>
              <line x1={box.margin.left} x2={plotRight} y1={tick.y} y2={tick.y} />
              <text x={box.margin.left - 8} y={tick.y + 4} textAnchor="end">
                {tick.score}
              </text>
            </g>
          ))}
          {chart.xTicks.map((tick) => (
            <text key={tick.date} x={tick.x} y={box.height - box.margin.bottom + 18} textAnchor="middle">
              {formatDate(tick.date).replace(/ \d{4}$/, '')}
            </text>
          ))}
        </g>
        <g className="chart-baseline">
          <line x1={box.margin.left} x2={plotRight} y1={chart.baselineY} y2={chart.baselineY} />
          <text x={labelX} y={chart.baselineY + 4}>
            Baseline {props.baseline.score}
          </text>
        </g>
        {chart.reductionLines.map((line) => (
          <g key={line.percent} className={`chart-reduction chart-reduction-${line.percent}`}>
            <line x1={box.margin.left} x2={plotRight} y1={line.y} y2={line.y} />
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
