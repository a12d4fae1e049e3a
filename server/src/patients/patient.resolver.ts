import type { Patient } from '@ldn/db';
import { isUniqueViolation } from '@ldn/db';
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
import { audit } from '../audit/audit.ts';
import type { Context } from '../graphql/context.ts';
import { AppError, conflict } from '../platform/errors.ts';
import { registrationData, updateData } from './patient.data.ts';
import {
  NULLS_ARE_CHECKED,
  PatientsArgs,
  RegisterPatientInput,
  UpdatePatientInput,
} from './patient.input.ts';
import { PatientType } from './patient.type.ts';
import { PatientConnectionType } from './patient-connection.type.ts';

// `reason` tells a duplicate apart from a malformed MRN (the FHIR import answers it 409).
const duplicateMrn = () =>
  new AppError('BAD_USER_INPUT', 'Another patient of this clinic has this medical record number.', {
    field: 'mrn',
    reason: 'DUPLICATE_MRN',
  });

/** Runs a write that may collide with the clinic's unique MRN, answering the collision as bad input. */
async function guardingMrn<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    throw isUniqueViolation(error) ? duplicateMrn() : error;
  }
}

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
  async registerPatient(
    @Arg('input', () => RegisterPatientInput) input: RegisterPatientInput,
    @ClinicRepo() scope: ClinicRepository,
    @Ctx() ctx: Context,
  ): Promise<Patient> {
    return scope.transaction(async (tx) => {
      const patient = await guardingMrn(() =>
        tx.patient.create({ data: { ...registrationData(input), clinicId: scope.clinicId } }),
      );
      await audit(tx, ctx, 'CREATE', 'Patient', patient.id);
      return patient;
    });
  }

  /** Changes a patient's details if nobody changed them since `version` was read (else CONFLICT). */
  @Authorized(...CLINIC_ROLES)
  @Mutation(() => PatientType)
  async updatePatient(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input', () => UpdatePatientInput, NULLS_ARE_CHECKED) input: UpdatePatientInput,
    @ClinicRepo() scope: ClinicRepository,
    @Ctx() ctx: Context,
  ): Promise<Patient> {
    return scope.transaction(async (tx) => {
      const patient = await scope.patient(id, tx);
      const { count } = await guardingMrn(() =>
        tx.patient.updateMany({
          where: { id: patient.id, clinicId: scope.clinicId, version },
          data: { ...updateData(input), version: { increment: 1 } },
        }),
      );
      if (count === 0) throw conflict();
      await audit(tx, ctx, 'UPDATE', 'Patient', patient.id);
      return scope.patient(patient.id, tx);
    });
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
