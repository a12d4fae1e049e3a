import {
  classifyResponse,
  definePolicy,
  type IsoDate,
  isRuleInputError,
  oneScorePerDay,
  type ResponseClass,
  type ResponseResult,
} from '@ldn/rules';
import { Badge } from '../../../components/ui/Badge.tsx';
import { formatDate, formatPercent, humanize } from '../../../lib/format.ts';
import type { TrialRecord } from '../api/trial.ts';

/** The response the rules compute for an assessment on a date, or why none can be computed. */
export type ResponseOutcome =
  | { response: ResponseResult; problem: null; fromPatient: number }
  | { response: null; problem: string };

/** The response of the pain scores of the 7 days ending on `assessedOn`, under the trial's policy. */
export function responseOn(trial: TrialRecord, assessedOn: IsoDate): ResponseOutcome {
  try {
    const policy = definePolicy({
      name: trial.policy.name,
      responseThresholdsPercent: trial.policy.responseThresholdsPercent,
    });
    // A day the clinic and the patient both scored counts once, as the API counts it.
    const scores = oneScorePerDay(
      trial.painScores.map((score) => ({ date: score.scoredOn, score: score.score, source: score.source })),
    );
    const response = classifyResponse({ baselineScore: trial.baseline.score, scores, assessedOn }, policy);
    const { from, to } = response.window;
    // Where the counted scores came from, so the clinician sees what the response rests on.
    const fromPatient = scores.filter(
      (score) => score.source === 'PATIENT' && score.date >= from && score.date <= to,
    ).length;
    return { response, problem: null, fromPatient };
  } catch (error) {
    if (!isRuleInputError(error)) throw error;
    return {
      response: null,
      problem:
        error.code === 'NO_RECENT_SCORES'
          ? `No pain score in the 7 days ending on ${formatDate(assessedOn)}: record one before assessing the response.`
          : error.message,
    };
  }
}

const CLASS_TONE: Record<ResponseClass, 'success' | 'info' | 'warning' | 'neutral'> = {
  SUBSTANTIAL: 'success',
  MEANINGFUL: 'success',
  MINIMAL: 'warning',
  NONE: 'neutral',
};

/**
 * What the response would be (rules package; the API decides when the assessment is recorded).
 * Without `assessedOn`: as of today, shown only while the window is open or overdue. With it (the
 * assessment form): for that date, always.
 */
export function ResponsePreview({ trial, assessedOn }: { trial: TrialRecord; assessedOn?: IsoDate }) {
  const window = trial.status.assessmentWindow;
  const forForm = assessedOn !== undefined;
  if (
    !forForm &&
    (window === null || !(window.open || window.overdue) || trial.status.state === 'DISCONTINUED')
  )
    return null;
  const on = assessedOn ?? trial.asOf;
  const outcome = responseOn(trial, on);
  const when = forForm ? `Assessed on ${formatDate(on)}` : `If assessed today (${formatDate(on)})`;
  return (
    <div className="notice notice-info response-preview" aria-live={forForm ? 'polite' : undefined}>
      {outcome.response === null ? (
        <p>{outcome.problem}</p>
      ) : (
        <p>
          {when}:{' '}
          <Badge
            value={outcome.response.responseClass}
            tone={CLASS_TONE[outcome.response.responseClass]}
            label={`${humanize(outcome.response.responseClass)} response`}
          />{' '}
          — mean pain {outcome.response.meanScore.toFixed(1)} over {outcome.response.scoreCount} score(s) of
          the 7 days
          {outcome.fromPatient > 0 && ` (${outcome.fromPatient} reported by the patient from home)`},{' '}
          {formatPercent(outcome.response.relativeReduction)} below the baseline of {trial.baseline.score}.
        </p>
      )}
      <p className="muted">Thresholds: {trial.policy.name} (clinic policy).</p>
    </div>
  );
}
