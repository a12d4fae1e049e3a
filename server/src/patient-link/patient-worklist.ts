import {
  addDays,
  compareDates,
  currentReportGap,
  MINIMUM_WINDOW_SCORES,
  oneScorePerDay,
  RESPONSE_WINDOW_DAYS,
} from '@ldn/rules';
import { isoDateOf } from '../graphql/scalars.ts';
import { trialLoaders } from '../trials/trial.loaders.ts';
import { loadTrialStatus } from '../trials/trial-events.ts';
import type { WorklistLine, WorklistSource } from '../trials/worklist.resolver.ts';
import { adherenceFor } from './patient-adherence.ts';

/** The worklist items the patient link adds (issue #19). */
export type PatientReportAttentionCode =
  | 'PATIENT_REPORTS_MISSING'
  | 'ASSESSMENT_FEW_SCORES'
  | 'PATIENT_SIDE_EFFECT_TO_REVIEW';

/**
 * For trials with a live patient link: no report for 3 evenings during titration or in the
 * assessment window; an open assessment window whose 7 days hold fewer than 4 pain scores (one per
 * day, as the response counts them). And, for every active trial, side effects the patient reported
 * that nobody has reviewed. The links and the side effects come with the worklist's own statement
 * (worklist-data.ts); the rest through the loaders.
 */
export const patientReportAttention: WorklistSource = async ({ ctx, scope, asOf, data, trialOf }) => {
  const { linkedTrials, patientEffects, active } = await data;
  const reportLines = await Promise.all(
    [...linkedTrials.values()].map(async (trial): Promise<WorklistLine[]> => {
      // Derived once per request: the trial's actions and its item's `status` read it too.
      const status = await loadTrialStatus(scope, trial, asOf);
      const window = status.assessmentWindow?.open === true ? status.assessmentWindow : null;
      const lines: WorklistLine[] = [];
      if (status.state === 'TITRATING' || window !== null) {
        const adherence = await adherenceFor(scope, ctx.config.timeZone, trial, asOf);
        const gap = adherence === null ? null : currentReportGap(adherence, asOf);
        if (gap !== null)
          lines.push({
            code: 'PATIENT_REPORTS_MISSING',
            date: gap.from,
            message: `No report from the patient for ${gap.evenings} evenings (since ${gap.from}).`,
            trial: trialOf(trial),
          });
      }
      if (window !== null) {
        const from = addDays(asOf, 1 - RESPONSE_WINDOW_DAYS);
        const scores = (await trialLoaders(scope).painScores.load(trial.patientId))
          .map((score) => ({ date: isoDateOf(score.scoredOn), source: score.source }))
          .filter(({ date }) => compareDates(date, from) >= 0 && compareDates(date, asOf) <= 0);
        const count = oneScorePerDay(scores).length;
        if (count < MINIMUM_WINDOW_SCORES)
          lines.push({
            code: 'ASSESSMENT_FEW_SCORES',
            date: window.opensOn,
            message: `Assessment window open with ${count} pain score${count === 1 ? '' : 's'} in the last ${RESPONSE_WINDOW_DAYS} days (fewer than ${MINIMUM_WINDOW_SCORES}).`,
            trial: trialOf(trial),
          });
      }
      return lines;
    }),
  );
  const effectLines = patientEffects.flatMap((effect): WorklistLine[] => {
    const trial = active.get(effect.trialId);
    if (trial === undefined) return [];
    return [
      {
        code: 'PATIENT_SIDE_EFFECT_TO_REVIEW',
        date: isoDateOf(effect.onsetOn),
        message: 'Side effect reported by the patient, to review.',
        trial: trialOf(trial),
        adverseEffectId: effect.id,
      },
    ];
  });
  return [...reportLines.flat(), ...effectLines];
};
