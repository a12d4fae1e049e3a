import type { Patient } from '@ldn/db';
import {
  Arg,
  Args,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { CLINIC_ROLES } from '../access/action-roles.ts';
import type { ClinicRepository } from '../access/clinic-repository.ts';
import { ClinicRepo } from '../access/repository-decorators.ts';
import type { Context } from '../graphql/context.ts';
import {
  NULLS_ARE_CHECKED,
  PatientsArgs,
  RegisterPatientInput,
  UpdatePatientInput,
} from './patient.input.ts';
import { registerPatientIn, updatePatientIn } from './patient.service.ts';
import { PatientType } from './patient.type.ts';
import { PatientConnectionType } from './patient-connection.type.ts';

@Resolver(() => PatientType)
export class PatientResolver {
  /** The clinic's patients, a page at a time, narrowed by name, date of birth or MRN. */
  @Authorized(...CLINIC_ROLES)
  @Query(() => PatientConnectionType)
  async patients(
    @Args(() => PatientsArgs, NULLS_ARE_CHECKED) args: PatientsArgs,
    @ClinicRepo() repo: ClinicRepository,
  ): Promise<PatientConnectionType> {
    return repo.patientsPage(args.search, args.first, args.after ?? null);
  }

  /** One patient of the clinic; the read is written to the audit log. */
  @Authorized(...CLINIC_ROLES)
  @Query(() => PatientType)
  async patient(@Arg('id', () => ID) id: string, @ClinicRepo() repo: ClinicRepository): Promise<Patient> {
    const patient = await repo.patient(id);
    await repo.audit('READ', 'Patient', patient.id);
    return patient;
  }

  /** Registers a patient of the viewer's clinic. */
  @Authorized(...CLINIC_ROLES)
  @Mutation(() => PatientType)
  registerPatient(
    @Arg('input', () => RegisterPatientInput) input: RegisterPatientInput,
    @ClinicRepo() scope: ClinicRepository,
    @Ctx() ctx: Context,
  ): Promise<Patient> {
    return scope.transaction((tx) => registerPatientIn(tx, ctx, scope, input));
  }

  /** Changes a patient's details if nobody changed them since `version` was read (else CONFLICT). */
  @Authorized(...CLINIC_ROLES)
  @Mutation(() => PatientType)
  updatePatient(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input', () => UpdatePatientInput, NULLS_ARE_CHECKED) input: UpdatePatientInput,
    @ClinicRepo() scope: ClinicRepository,
    @Ctx() ctx: Context,
  ): Promise<Patient> {
    return scope.transaction((tx) => updatePatientIn(tx, ctx, scope, { id, version }, input));
  }
}

@Resolver(() => PatientConnectionType)
export class PatientConnectionResolver {
  @Authorized(...CLINIC_ROLES)
  @FieldResolver(() => Int, { description: 'How many patients match the search (costs a query).' })
  totalCount(@Root() connection: PatientConnectionType): Promise<number> {
    return connection.countAll();
  }
}
