import { Arg, Authorized, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import type { ClinicRepository } from '../access/clinic-repository.ts';
import { ClinicRepo } from '../access/repository-decorators.ts';
import { REASON_FIELD, REASON_TEXT } from '../corrections/record-correction.ts';
import type { Context } from '../graphql/context.ts';
import { ArgRules } from '../graphql/input-rules.ts';
import { TrialType } from './trial.type.ts';
import { changedTrial } from './trial-change.ts';
import { markTrialRecordEnteredInErrorIn, type TrialRecordKind } from './trial-record-corrections.service.ts';

const TRIAL_VERSION = {
  description: 'The trial’s version as read (records have none of their own); stale → CONFLICT.',
};

/** One mark in one transaction (trial-record-corrections.service.ts), then the trial as it now is. */
async function mark(
  ctx: Context,
  scope: ClinicRepository,
  kind: TrialRecordKind,
  recordId: string,
  change: { trialVersion: number; reason: string },
): Promise<TrialType> {
  const trialId = await scope.transaction((tx) =>
    markTrialRecordEnteredInErrorIn(tx, ctx, scope, kind, recordId, change),
  );
  return changedTrial(ctx, scope, trialId);
}

/**
 * A dose change, an adverse effect or an assessment recorded by mistake (workflows.md,
 * corrections): clinicians mark it entered in error with a reason. One mutation per kind, so each
 * says what it changes and takes its own kind of id; one service does the work for all three.
 * Each answers with the trial, its state derived again without the record.
 */
@Resolver()
export class TrialRecordCorrectionsResolver {
  @Authorized('CLINICIAN')
  @ArgRules({ reason: REASON_TEXT })
  @Mutation(() => TrialType, {
    description:
      'Marks a dose change entered in error (clinicians): kept, struck through, counted nowhere; the current dose and the titration are derived again from the other changes.',
  })
  markDoseChangeEnteredInError(
    @Arg('doseChangeId', () => ID) doseChangeId: string,
    @Arg('trialVersion', () => Int, TRIAL_VERSION) trialVersion: number,
    @Arg('reason', () => String, REASON_FIELD) reason: string,
    @ClinicRepo() scope: ClinicRepository,
    @Ctx() ctx: Context,
  ): Promise<TrialType> {
    return mark(ctx, scope, 'DoseChange', doseChangeId, { trialVersion, reason });
  }

  @Authorized('CLINICIAN')
  @ArgRules({ reason: REASON_TEXT })
  @Mutation(() => TrialType, {
    description:
      'Marks an adverse effect entered in error (clinicians): kept, struck through, counted nowhere (not in the adverse effect rate).',
  })
  markAdverseEffectEnteredInError(
    @Arg('adverseEffectId', () => ID) adverseEffectId: string,
    @Arg('trialVersion', () => Int, TRIAL_VERSION) trialVersion: number,
    @Arg('reason', () => String, REASON_FIELD) reason: string,
    @ClinicRepo() scope: ClinicRepository,
    @Ctx() ctx: Context,
  ): Promise<TrialType> {
    return mark(ctx, scope, 'AdverseEffect', adverseEffectId, { trialVersion, reason });
  }

  @Authorized('CLINICIAN')
  @ArgRules({ reason: REASON_TEXT })
  @Mutation(() => TrialType, {
    description:
      'Marks an assessment entered in error (clinicians): the response and decision no longer count. One that ended the trial reopens it (orders cancelled since stay cancelled); refused with INVALID_TRANSITION ANOTHER_TRIAL_NOT_ENDED while the patient has another trial that has not ended.',
  })
  markAssessmentEnteredInError(
    @Arg('assessmentId', () => ID) assessmentId: string,
    @Arg('trialVersion', () => Int, TRIAL_VERSION) trialVersion: number,
    @Arg('reason', () => String, REASON_FIELD) reason: string,
    @ClinicRepo() scope: ClinicRepository,
    @Ctx() ctx: Context,
  ): Promise<TrialType> {
    return mark(ctx, scope, 'Assessment', assessmentId, { trialVersion, reason });
  }
}
