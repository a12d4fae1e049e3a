import { RESPONSE_CLASSES, type ResponseClass } from './response.ts';
import { DISCONTINUATION_REASONS, type DiscontinuationReason } from './vocabulary.ts';

/** What §8 counts about one trial (de-identified). */
export interface TrialOutcome {
  discontinuationReason?: DiscontinuationReason;
  /** From the response assessment, when there was one. */
  response?: { baselineScore: number; meanScore: number; responseClass: ResponseClass };
  /** True when at least one adverse effect was recorded. */
  hadAdverseEffect?: boolean;
}

export interface OutcomeSummary {
  trialCount: number;
  discontinuationReasons: Record<DiscontinuationReason, number>;
  responseClasses: Record<ResponseClass, number>;
  /** Mean of (assessment mean − baseline) on the 0–10 scale; the VA review saw −0.83 [6]. */
  meanPainChange: number | null;
  /** Share of trials with an adverse effect; the summary reports 32 % [seed]. */
  adverseEffectRate: number | null;
}

function zeroCounts<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
}

/** §8: discontinuation reasons, response classes, mean pain change and adverse-effect rate. */
export function summarizeOutcomes(trials: readonly TrialOutcome[]): OutcomeSummary {
  const discontinuationReasons = zeroCounts(Object.keys(DISCONTINUATION_REASONS) as DiscontinuationReason[]);
  const responseClasses = zeroCounts(RESPONSE_CLASSES);
  let painChangeTotal = 0;
  let assessed = 0;
  for (const trial of trials) {
    if (trial.discontinuationReason !== undefined) discontinuationReasons[trial.discontinuationReason] += 1;
    if (trial.response !== undefined) {
      responseClasses[trial.response.responseClass] += 1;
      painChangeTotal += trial.response.meanScore - trial.response.baselineScore;
      assessed += 1;
    }
  }
  return {
    trialCount: trials.length,
    discontinuationReasons,
    responseClasses,
    meanPainChange: assessed === 0 ? null : painChangeTotal / assessed,
    adverseEffectRate:
      trials.length === 0 ? null : trials.filter((trial) => trial.hadAdverseEffect).length / trials.length,
  };
}
