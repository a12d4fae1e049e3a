import type { IsoDate } from '@ldn/rules';
import { Arg, Authorized, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { CLINIC_ROLES } from '../access/action-roles.ts';
import type { ClinicRepository } from '../access/clinic-repository.ts';
import { ClinicRepo } from '../access/repository-decorators.ts';
import type { Context } from '../graphql/context.ts';
import { LocalDate } from '../graphql/scalars.ts';
import { userNameOf } from '../graphql/user-names.ts';
import { PatientType } from '../patients/patient.type.ts';
import { notFound } from '../platform/errors.ts';
import { ClinicPolicyType, policyFromJson } from './clinic-policy.ts';
import { trialLoaders } from './trial.loaders.ts';
import { TrialType, trialOf } from './trial.type.ts';
import { dosesOf, loadTrialStatus, titrationPlanOf } from './trial-events.ts';
import { readTrialPage } from './trial-page-data.ts';
import { TitrationPlanType, TrialStatusType } from './trial-status.type.ts';

// Clinic roles that may read trials and do the non-prescribing work: one list, in access/.

const foundPatient = (patient: PatientType | null): PatientType => {
  if (patient === null) throw notFound('Patient');
  return patient;
};

@Resolver(() => TrialType)
export class TrialResolver {
  /** One trial of the viewer's clinic, its derived fields as of `asOf` (default today). Audited. */
  @Authorized(...CLINIC_ROLES)
  @Query(() => TrialType, {
    description: 'A trial of your clinic; derived fields as of `asOf` (default today). The read is audited.',
  })
  async trial(
    @Arg('id', () => ID) id: string,
    @Arg('asOf', () => LocalDate, { nullable: true, description: 'Default: today.' }) asOf: IsoDate | null,
    @ClinicRepo() scope: ClinicRepository,
    @Ctx() ctx: Context,
  ): Promise<TrialType> {
    // The trial, its read's audit row and the page's lists in one statement (issues #16, #17).
    const trial = await readTrialPage(scope, id);
    return trialOf(trial, asOf ?? ctx.clock.today());
  }

  /** State, dose, next step, assessment window, actions and timeline (rules: deriveTrialStatus). */
  @Authorized(...CLINIC_ROLES)
  @FieldResolver(() => TrialStatusType)
  status(
    @Root() trial: TrialType,
    @ClinicRepo() repo: ClinicRepository,
  ): TrialStatusType | Promise<TrialStatusType> {
    return loadTrialStatus(repo, trial.record, trial.asOf);
  }

  /** The titration schedule recomputed from every recorded change (rules: planTitration). */
  @Authorized(...CLINIC_ROLES)
  @FieldResolver(() => TitrationPlanType)
  async plan(@Root() trial: TrialType, @ClinicRepo() repo: ClinicRepository): Promise<TitrationPlanType> {
    // Every recorded change, whatever asOf: the plan is the whole schedule, past and projected.
    return titrationPlanOf(trial.record, dosesOf(await trialLoaders(repo).doseChanges.load(trial.id)));
  }

  @Authorized(...CLINIC_ROLES)
  @FieldResolver(() => PatientType)
  patient(
    @Root() trial: TrialType,
    @ClinicRepo() repo: ClinicRepository,
  ): PatientType | Promise<PatientType> {
    // At once when the page's statement already read it (the worklist's, the trial page's).
    const patient = trialLoaders(repo).patients.now(trial.record.patientId);
    return patient instanceof Promise ? patient.then(foundPatient) : foundPatient(patient);
  }

  @Authorized(...CLINIC_ROLES)
  @FieldResolver(() => String, { description: 'The prescribing clinician’s name.' })
  async prescriber(@Root() trial: TrialType, @ClinicRepo() repo: ClinicRepository): Promise<string> {
    return userNameOf(repo, trial.record.prescriberId);
  }

  @Authorized(...CLINIC_ROLES)
  @FieldResolver(() => String, { nullable: true, description: 'Who marked it entered in error.' })
  async enteredInErrorByName(
    @Root() trial: TrialType,
    @ClinicRepo() repo: ClinicRepository,
  ): Promise<string | null> {
    const { enteredInErrorById } = trial.record;
    return enteredInErrorById === null ? null : userNameOf(repo, enteredInErrorById);
  }

  @Authorized(...CLINIC_ROLES)
  @FieldResolver(() => ClinicPolicyType, { description: 'The clinic policy in force at the start.' })
  policy(@Root() trial: TrialType): ClinicPolicyType {
    return policyFromJson(trial.record.policy);
  }
}
