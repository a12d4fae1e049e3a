import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { CLINIC_ROLES } from '../access/action-roles.ts';
import type { ClinicRepository } from '../access/clinic-repository.ts';
import { ClinicRepo } from '../access/repository-decorators.ts';
import type { Context } from '../graphql/context.ts';
import { TrialType } from './trial.type.ts';
import { changedTrial } from './trial-change.ts';
import { TrialStartInput } from './trial-start.input.ts';
import { previewTrialStart, startTrialIn } from './trial-start.service.ts';
import { TrialStartCheckType, trialStartCheckOf } from './trial-start.type.ts';

@Resolver()
export class TrialStartResolver {
  /** Everything for and against a start, all findings at once, with the baseline and the plan. Audited. */
  @Authorized(...CLINIC_ROLES)
  @Query(() => TrialStartCheckType, {
    description:
      'Everything for and against starting a trial: all findings at once, the baseline, the plan, the policy.',
  })
  async trialStartCheck(
    @Arg('patientId', () => ID) patientId: string,
    @Arg('input', () => TrialStartInput) input: TrialStartInput,
    @ClinicRepo() scope: ClinicRepository,
  ): Promise<TrialStartCheckType> {
    const { patient, result } = await previewTrialStart(scope, patientId, input);
    // The check shows the patient's baseline score, histories' findings and consent: a read.
    await scope.audit('READ', 'Patient', patient.id);
    return trialStartCheckOf(result);
  }

  /**
   * Starts a trial: the same check in the transaction; hard stops → RULE_VIOLATION, soft stops
   * without reasons → OVERRIDE_REQUIRED (both with `extensions.findings`); a patient with a trial
   * not yet ended → CONFLICT. Stores the baseline, the policy, the overrides and the warnings.
   */
  @Authorized('CLINICIAN')
  @Mutation(() => TrialType, {
    description:
      'Starts a trial (clinicians). RULE_VIOLATION / OVERRIDE_REQUIRED carry extensions.findings; a trial not yet ended → CONFLICT.',
  })
  async startTrial(
    @Arg('patientId', () => ID) patientId: string,
    @Arg('input', () => TrialStartInput) input: TrialStartInput,
    @ClinicRepo() scope: ClinicRepository,
    @Ctx() ctx: Context,
  ): Promise<TrialType> {
    const trialId = await scope.transaction((tx) => startTrialIn(tx, ctx, scope, patientId, input));
    return changedTrial(ctx, scope, trialId);
  }
}
