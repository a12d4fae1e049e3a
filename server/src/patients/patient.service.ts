import type { Patient } from '@ldn/db';
import { isUniqueViolation } from '@ldn/db';
import type { ClinicRepository } from '../access/clinic-repository.ts';
import type { Tx } from '../access/repository.ts';
import { audit } from '../audit/audit.ts';
import type { Context } from '../graphql/context.ts';
import { AppError, conflict } from '../platform/errors.ts';
import { registrationData, updateData } from './patient.data.ts';
import type { RegisterPatientInput, UpdatePatientInput } from './patient.input.ts';

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

/** Registers a patient of the viewer's clinic in the caller's transaction, audited. */
export async function registerPatientIn(
  tx: Tx,
  ctx: Context,
  scope: ClinicRepository,
  input: RegisterPatientInput,
): Promise<Patient> {
  const patient = await guardingMrn(() =>
    tx.patient.create({ data: { ...registrationData(input), clinicId: scope.clinicId } }),
  );
  await audit(tx, ctx, 'CREATE', 'Patient', patient.id);
  return patient;
}

/** Changes a patient's details in the caller's transaction if still at `version` (else CONFLICT). */
export async function updatePatientIn(
  tx: Tx,
  ctx: Context,
  scope: ClinicRepository,
  { id, version }: { id: string; version: number },
  input: UpdatePatientInput,
): Promise<Patient> {
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
}
