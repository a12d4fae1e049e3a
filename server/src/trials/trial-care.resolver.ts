import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { CLINIC_ROLES, MAY } from '../access/action-roles.ts';
import type { ClinicRepository } from '../access/clinic-repository.ts';
import { ClinicRepo } from '../access/repository-decorators.ts';
import type { Context } from '../graphql/context.ts';
import { AdverseEffectInput } from './adverse-effect.input.ts';
import { recordAdverseEffectIn } from './adverse-effect.service.ts';
import { AssessResponseInput, DiscontinueTrialInput } from './assessment.input.ts';
import { assessResponseIn, discontinueTrialIn } from './assessment.service.ts';
import { TrialType } from './trial.type.ts';
import { changeTrial } from './trial-change.ts';
import { HoldTrialInput, ResumeTrialInput } from './trial-hold.input.ts';
import { holdTrialIn, resumeTrialIn } from './trial-hold.service.ts';

// Holds, adverse effects, assessment and discontinuation: each one transaction with an audit row,
// each returning the trial. Coordinators may hold, resume and record adverse effects
// (workflows.md); assessing and ending a trial are clinical decisions.

@Resolver()
export class TrialCareResolver {
  /** Puts the trial on hold (a trial already on hold or ended → CONFLICT). */
  @Authorized(...MAY.holdOrResumeTrial)
  @Mutation(() => TrialType, { description: 'Puts a trial on hold; days on hold do not count.' })
  holdTrial(
    @Arg('trialId', () => ID) trialId: string,
    @Arg('input', () => HoldTrialInput) input: HoldTrialInput,
    @ClinicRepo() scope: ClinicRepository,
    @Ctx() ctx: Context,
  ): Promise<TrialType> {
    return changeTrial(ctx, scope, trialId, (tx) => holdTrialIn(tx, ctx, scope, trialId, input));
  }

  /** Resumes the trial to the state it had (not on hold → CONFLICT). */
  @Authorized(...MAY.holdOrResumeTrial)
  @Mutation(() => TrialType, { description: 'Resumes a trial on hold to the state it had.' })
  resumeTrial(
    @Arg('trialId', () => ID) trialId: string,
    @Arg('input', () => ResumeTrialInput) input: ResumeTrialInput,
    @ClinicRepo() scope: ClinicRepository,
    @Ctx() ctx: Context,
  ): Promise<TrialType> {
    return changeTrial(ctx, scope, trialId, (tx) => resumeTrialIn(tx, ctx, scope, trialId, input));
  }

  @Authorized(...CLINIC_ROLES)
  @Mutation(() => TrialType, { description: 'Records an adverse effect (§6).' })
  recordAdverseEffect(
    @Arg('trialId', () => ID) trialId: string,
    @Arg('input', () => AdverseEffectInput) input: AdverseEffectInput,
    @ClinicRepo() scope: ClinicRepository,
    @Ctx() ctx: Context,
  ): Promise<TrialType> {
    return changeTrial(ctx, scope, trialId, (tx) => recordAdverseEffectIn(tx, ctx, scope, trialId, input));
  }

  /**
   * Records the response assessment (§5). Before the window → RULE_VIOLATION ASSESSMENT_TOO_EARLY
   * (except DISCONTINUE for ADVERSE_EFFECTS or PATIENT_CHOICE); no pain score in the 7 days →
   * BAD_USER_INPUT on assessedOn. DISCONTINUE ends the trial.
   */
  @Authorized(...MAY.assessResponse)
  @Mutation(() => TrialType, {
    description: 'Records the response assessment and its decision (clinicians); too early → RULE_VIOLATION.',
  })
  assessResponse(
    @Arg('trialId', () => ID) trialId: string,
    @Arg('input', () => AssessResponseInput) input: AssessResponseInput,
    @ClinicRepo() scope: ClinicRepository,
    @Ctx() ctx: Context,
  ): Promise<TrialType> {
    return changeTrial(ctx, scope, trialId, (tx) => assessResponseIn(tx, ctx, scope, trialId, input));
  }

  /** Ends the trial with a reason of §8, at any time (an ended trial → CONFLICT). */
  @Authorized('CLINICIAN')
  @Mutation(() => TrialType, { description: 'Ends a trial with a reason of §8 (clinicians).' })
  discontinueTrial(
    @Arg('trialId', () => ID) trialId: string,
    @Arg('input', () => DiscontinueTrialInput) input: DiscontinueTrialInput,
    @ClinicRepo() scope: ClinicRepository,
    @Ctx() ctx: Context,
  ): Promise<TrialType> {
    return changeTrial(ctx, scope, trialId, (tx) => discontinueTrialIn(tx, ctx, scope, trialId, input));
  }
}
