import type { ContinuationRate, ContinuationReport } from '../api/continuation-report.ts';
import { formatRateWithInterval, notEstimableText } from './continuation-chart.ts';

interface Figure {
  label: string;
  value: string;
  reference: string;
}

/** What a hidden rate or median reads: it would reveal a count of fewer than the minimum. */
export const suppressedFigure = (minimumGroupSize: number) => `Suppressed (fewer than ${minimumGroupSize})`;

/** A reported rate: suppressed (privacy), not estimable (too few at risk), or the rate with its interval. */
function rate(point: ContinuationRate | null, hidden: string | null, minimumAtRisk: number): string {
  if (hidden !== null) return hidden;
  if (point === null) return 'Not reached';
  const { rate: share, lower, upper } = point;
  if (share === null || lower === null || upper === null)
    return notEstimableText(point.atRisk, minimumAtRisk);
  return formatRateWithInterval({ rate: share, lower, upper });
}

function evidence(figure: { evidence: readonly string[] }): string {
  return figure.evidence.length > 0 ? ` [${figure.evidence.join(', ')}]` : '';
}

function signed(value: number): string {
  return `${value > 0 ? '+' : value < 0 ? '−' : ''}${Math.abs(value).toFixed(2)}`;
}

/** The report's headline figures, each beside the §8 reference figure. */
export function headlineFigures(report: ContinuationReport): Figure[] {
  const { reference } = report;
  const hidden = report.survivalSuppressed ? suppressedFigure(report.minimumGroupSize) : null;
  const continuing = `${Math.round(reference.continuingAtFollowUp.value * 100)} % at follow-up${evidence(reference.continuingAtFollowUp)}`;
  return [
    ...(
      [
        [90, report.rateAt90],
        [123, report.rateAt123],
        [180, report.rateAt180],
      ] as const
    ).map(([day, point]) => ({
      label: `Still on LDN at ${day} days`,
      value: rate(point, hidden, report.minimumAtRisk),
      reference: continuing,
    })),
    {
      label: 'Median days on LDN',
      value: hidden ?? (report.medianDays === null ? 'Not reached' : `${report.medianDays} days`),
      reference: `Mean ${reference.meanDurationDays.value} days${evidence(reference.meanDurationDays)}`,
    },
    { label: 'Trials', value: report.trialCount === null ? '—' : String(report.trialCount), reference: '—' },
    {
      label: 'Mean pain change (NRS)',
      value: report.meanPainChange === null ? '—' : signed(report.meanPainChange),
      reference: `${signed(reference.meanPainChange.value)}${evidence(reference.meanPainChange)}`,
    },
    {
      label: 'Trials with an adverse effect',
      value: report.adverseEffectRate === null ? '—' : `${Math.round(report.adverseEffectRate * 100)} %`,
      reference: `${Math.round(reference.adverseEffectRate.value * 100)} %${evidence(reference.adverseEffectRate)}`,
    },
  ];
}

/** The headline figures as a table: this network against the reference of clinical-rules §8. */
export function HeadlineFigures({ report }: { report: ContinuationReport }) {
  return (
    <table className="table">
      <caption className="visually-hidden">Headline figures against the reference</caption>
      <thead>
        <tr>
          <th scope="col">Figure</th>
          <th scope="col">This network</th>
          <th scope="col">Reference (clinical-rules §8)</th>
        </tr>
      </thead>
      <tbody>
        {headlineFigures(report).map((figure) => (
          <tr key={figure.label}>
            <th scope="row">{figure.label}</th>
            <td>{figure.value}</td>
            <td>{figure.reference}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
