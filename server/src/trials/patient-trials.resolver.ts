import { Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { CLINIC_ROLES } from '../access/action-roles.ts';
import type { ClinicRepository } from '../access/clinic-repository.ts';
import { ClinicRepo } from '../access/repository-decorators.ts';
import type { Context } from '../graphql/context.ts';
import { PatientType } from '../patients/patient.type.ts';
import { trialsByPatientLoader } from './trial.loaders.ts';
import { TrialType, trialOf } from './trial.type.ts';

@Resolver(() => PatientType)
export class PatientTrialsResolver {
  /** The patient's LDN trials, newest first, those entered in error too (shown struck through). */
  @Authorized(...CLINIC_ROLES)
  @FieldResolver(() => [TrialType])
  async trials(
    @Root() patient: PatientType,
    @ClinicRepo() scope: ClinicRepository,
    @Ctx() ctx: Context,
  ): Promise<TrialType[]> {
    const trials = await trialsByPatientLoader(scope, scope.trialRecordWhere).load(patient.id);
    return trials.map((trial) => trialOf(trial, ctx.clock.today()));
  }
}
