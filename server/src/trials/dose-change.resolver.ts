import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { MAY } from '../access/action-roles.ts';
import type { ClinicRepository } from '../access/clinic-repository.ts';
import { ClinicRepo } from '../access/repository-decorators.ts';
import type { Context } from '../graphql/context.ts';
import { DoseChangeInput, MaintenanceDoseInput } from './dose-change.input.ts';
import { changeDoseIn, declareMaintenanceDoseIn } from './dose-change.service.ts';
import { TrialType } from './trial.type.ts';
import { changeTrial } from './trial-change.ts';

@Resolver()
export class DoseChangeResolver {
  /**
   * Records a new nightly dose (§4). DOSE_ABOVE_MAXIMUM / DOSE_INVALID → RULE_VIOLATION;
   * TITRATION_TOO_FAST without a reason → OVERRIDE_REQUIRED; a date before the previous change →
   * BAD_USER_INPUT; on hold or ended → CONFLICT; a stale expectedVersion → CONFLICT.
   */
  @Authorized(...MAY.changeDose)
  @Mutation(() => TrialType, {
    description:
      'A new nightly dose from a date (clinicians). Hard stops → RULE_VIOLATION, TITRATION_TOO_FAST → OVERRIDE_REQUIRED, stale version → CONFLICT.',
  })
  changeDose(
    @Arg('trialId', () => ID) trialId: string,
    @Arg('input', () => DoseChangeInput) input: DoseChangeInput,
    @ClinicRepo() scope: ClinicRepository,
    @Ctx() ctx: Context,
  ): Promise<TrialType> {
    return changeTrial(ctx, scope, trialId, (tx) => changeDoseIn(tx, ctx, scope, trialId, input));
  }

  /** Declares a lower maintenance dose when 4.5 mg is not tolerated (§4); ended → CONFLICT. */
  @Authorized(...MAY.changeDose)
  @Mutation(() => TrialType, {
    description: 'A maintenance dose below 4.5 mg when 4.5 mg is not tolerated (clinicians).',
  })
  declareMaintenanceDose(
    @Arg('trialId', () => ID) trialId: string,
    @Arg('input', () => MaintenanceDoseInput) input: MaintenanceDoseInput,
    @ClinicRepo() scope: ClinicRepository,
    @Ctx() ctx: Context,
  ): Promise<TrialType> {
    return changeTrial(ctx, scope, trialId, (tx) => declareMaintenanceDoseIn(tx, ctx, scope, trialId, input));
  }
}
