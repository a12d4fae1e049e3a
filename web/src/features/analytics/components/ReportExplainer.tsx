import type { ContinuationReport } from '../api/continuation-report.ts';

/**
 * How to read the report, in plain words; the statistical method behind a disclosure for those
 * who want it. The thresholds are the API's (suppression and the not-estimable rule).
 */
export function ReportExplainer({ report }: { report: ContinuationReport }) {
  return (
    <div className="report-explainer">
      <p>
        “Still on LDN at 90 days” is the share of patients who would still be taking LDN 90 days after
        starting. Patients who started recently and are still on LDN count for as long as we have followed
        them, so the figure does not wait for everyone to reach 90 days. Where fewer than{' '}
        {report.minimumAtRisk} patients have been followed that long, the figure reads “not estimable”: one
        more patient stopping would move it by 10 points or more. Groups of fewer than{' '}
        {report.minimumGroupSize} patients are suppressed to protect their privacy.
      </p>
      <details>
        <summary>Method</summary>
        <p>
          Kaplan–Meier estimate of time on LDN from the trial start to discontinuation; trials still on LDN
          are censored at the report date, and on a day with both, discontinuations count first. A rate at a
          day is reported when at least {report.minimumAtRisk} trials are at risk at the start of that day.{' '}
          {report.confidenceIntervalMethod}
        </p>
      </details>
    </div>
  );
}
