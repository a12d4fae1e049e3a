import { classifyResponse, definePolicy, isRuleInputError } from '@ldn/rules';
import { formatDate, formatPercent, humanize } from '../../../lib/format.ts';
import type { TrialRecord } from '../api/trial.ts';

/**
 * What the response would be if assessed today, from the rules package (the API decides when the
 * assessment is recorded). Shown only while the assessment window is open or overdue.
 */
export function ResponsePreview({ trial }: { trial: TrialRecord }) {
  const window = trial.status.assessmentWindow;
  if (window === null || !(window.open || window.overdue) || trial.status.state === 'DISCONTINUED')
    return null;
  let text: string;
  try {
    const policy = definePolicy({
      name: trial.policy.name,
      responseThresholdsPercent: trial.policy.responseThresholdsPercent,
    });
    const response = classifyResponse(
      {
        baselineScore: trial.baseline.score,
        scores: trial.painScores.map((score) => ({ date: score.scoredOn, score: score.score })),
        assessedOn: trial.asOf,
      },
      policy,
    );
    text = `If assessed today (${formatDate(trial.asOf)}): ${humanize(response.responseClass)} response — mean pain ${response.meanScore.toFixed(1)} over ${response.scoreCount} score(s) of the last 7 days, ${formatPercent(response.relativeReduction)} below the baseline of ${trial.baseline.score}.`;
  } catch (error) {
    if (!isRuleInputError(error)) throw error;
    text =
      error.code === 'NO_RECENT_SCORES'
        ? 'No pain score in the last 7 days: record one before assessing the response.'
        : error.message;
  }
  return (
    <div className="notice notice-info">
      <p>{text}</p>
      <p className="muted">Thresholds: {trial.policy.name} (clinic policy).</p>
    </div>
  );
}
