import { Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { ClinicScope } from '../access/clinic-scope.ts';
import type { Context } from '../graphql/context.ts';
import { PatientType } from '../patients/patient.type.ts';
import { trialsByPatientLoader } from './trial.loaders.ts';
import { CLINIC_ROLES } from './trial.resolver.ts';
import { TrialType, trialOf } from './trial.type.ts';

@Resolver(() => PatientType)
export class PatientTrialsResolver {
  /** The patient's LDN trials, newest first, those entered in error too (shown struck through). */
  @Authorized(...CLINIC_ROLES)
  @FieldResolver(() => [TrialType])
  async trials(@Root() patient: PatientType, @Ctx() ctx: Context): Promise<TrialType[]> {
    const scope = ClinicScope.of(ctx);
    const trials = await trialsByPatientLoader(ctx, scope.trialRecordWhere).load(patient.id);
    return trials.map((trial) => trialOf(trial, ctx.clock.today()));
  }
}
