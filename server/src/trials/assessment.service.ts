import type { Prisma, Trial, TrialState } from '@ldn/db';
import { checkAssessment, classifyResponse, oneScorePerDay } from '@ldn/rules';
import type { ClinicRepository } from '../access/clinic-repository.ts';
import { audit } from '../audit/audit.ts';
import type { Context } from '../graphql/context.ts';
import { dbDate, isoDateOf } from '../graphql/scalars.ts';
import { COUNTED } from '../patients/medication-records.ts';
import { invalidTransition } from '../platform/errors.ts';
import { enforceFindings, withRuleInput } from '../platform/rule-decisions.ts';
import type { AssessResponseInput, DiscontinueTrialInput } from './assessment.input.ts';
import { openTrial, trialPolicy, updateTrialAt } from './trial-change.ts';
import { readTrialEvents, trialStatusOf } from './trial-events.ts';

const STATE_AFTER: Record<AssessResponseInput['decision'], TrialState> = {
  CONTINUE: 'CONTINUING',
  EXTEND: 'EXTENDED',
  DISCONTINUE: 'DISCONTINUED',
};

/** The response (rules: classifyResponse) of the pain scores of the 7 days ending on the assessment. */
async function responseOf(tx: Prisma.TransactionClient, trial: Trial, assessedOn: string) {
  const scores = await tx.symptomScore.findMany({
    // A score entered in error leaves the mean (§5, §10); the baseline was copied at the start.
    where: { patientId: trial.patientId, measure: 'PAIN_NRS', ...COUNTED },
  });
  return withRuleInput('assessedOn', () =>
    classifyResponse(
      {
        baselineScore: trial.baselineScore,
        // A day with a clinic entry and a patient's report counts once (the rules' oneScorePerDay).
        scores: oneScorePerDay(
          scores.map((s) => ({ date: isoDateOf(s.scoredOn), score: s.score, source: s.source })),
        ),
        assessedOn,
      },
      trialPolicy(trial),
    ),
  );
}

/**
 * Records a response assessment (§5): checkAssessment against the window the rules derive as of
 * the assessment (holds move it), the response class under the trial's policy, the decision.
 */
export async function assessResponseIn(
  tx: Prisma.TransactionClient,
  ctx: Context,
  scope: ClinicRepository,
  trialId: string,
  input: AssessResponseInput,
): Promise<void> {
  const trial = await openTrial(scope, tx, trialId);
  if (trial.state === 'ON_HOLD' && input.decision !== 'DISCONTINUE') {
    throw invalidTransition(
      'The trial is on hold: resume it before assessing, or discontinue it.',
      trial.state,
    );
  }
  const events = await readTrialEvents(tx, trial.id);
  const { assessmentWindow } = trialStatusOf(trial, events, input.assessedOn, 'assessedOn');
  const reason = input.discontinuationReason ?? undefined;
  const findings = withRuleInput('discontinuationReason', () =>
    checkAssessment({
      ...input,
      discontinuationReason: reason,
      assessmentOpensOn: assessmentWindow?.opensOn ?? null,
    }),
  );
  enforceFindings(findings, [], trialPolicy(trial));
  const response = await responseOf(tx, trial, input.assessedOn);
  const assessment = await tx.assessment.create({
    data: {
      trialId: trial.id,
      assessedOn: dbDate(input.assessedOn),
      baselineScore: trial.baselineScore,
      meanScore: response.meanScore,
      relativeReduction: response.relativeReduction,
      responseClass: response.responseClass,
      decision: input.decision,
      discontinuationReason: input.decision === 'DISCONTINUE' ? (reason ?? null) : null,
      note: input.note ?? null,
      assessedById: scope.viewer.userId,
    },
  });
  const ending = input.decision === 'DISCONTINUE';
  const updated = await updateTrialAt(tx, trial, {
    state: STATE_AFTER[input.decision],
    ...(ending ? { endedOn: assessment.assessedOn, discontinuationReason: reason ?? null } : {}),
  });
  trialStatusOf(
    updated,
    { ...events, assessments: [...events.assessments, assessment] },
    ctx.clock.today(),
    'assessedOn',
  );
  await audit(tx, ctx, 'ASSESS', 'Trial', trial.id);
}

/** Ends a trial with a reason of §8, on hold or not; the rules refuse an end before the start. */
export async function discontinueTrialIn(
  tx: Prisma.TransactionClient,
  ctx: Context,
  scope: ClinicRepository,
  trialId: string,
  input: DiscontinueTrialInput,
): Promise<void> {
  const trial = await openTrial(scope, tx, trialId);
  const updated = await updateTrialAt(tx, trial, {
    state: 'DISCONTINUED',
    endedOn: dbDate(input.discontinuedOn),
    discontinuationReason: input.reason,
    discontinuationNote: input.note ?? null,
  });
  trialStatusOf(updated, await readTrialEvents(tx, trial.id), ctx.clock.today(), 'discontinuedOn');
  await audit(tx, ctx, 'DISCONTINUE', 'Trial', trial.id);
}
