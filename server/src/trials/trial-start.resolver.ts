import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { ClinicScope } from '../access/clinic-scope.ts';
import { audit } from '../audit/audit.ts';
import type { Context } from '../graphql/context.ts';
import { CLINIC_ROLES } from './trial.resolver.ts';
import { TrialType } from './trial.type.ts';
import { changedTrial } from './trial-change.ts';
import { TrialStartInput } from './trial-start.input.ts';
import { checkStartOf, startTrialIn } from './trial-start.service.ts';
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
    @Ctx() ctx: Context,
  ): Promise<TrialStartCheckType> {
    const { patient, result } = await checkStartOf(ctx.prisma, ClinicScope.of(ctx), patientId, input);
    // The check shows the patient's baseline score, histories' findings and consent: a read.
    await audit(ctx.prisma, ctx, 'READ', 'Patient', patient.id);
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
    @Ctx() ctx: Context,
  ): Promise<TrialType> {
    const scope = ClinicScope.of(ctx);
    const trialId = await scope.transaction((tx) => startTrialIn(tx, ctx, scope, patientId, input));
    return changedTrial(ctx, scope, trialId);
  }
}
