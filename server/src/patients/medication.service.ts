import type { Medication, Patient } from '@ldn/db';
import type { ClinicRepository } from '../access/clinic-repository.ts';
import type { Tx } from '../access/repository.ts';
import { audit } from '../audit/audit.ts';
import type { DrugColumns } from '../drugs/drug-classification.ts';
import type { Context } from '../graphql/context.ts';
import { dbDate, isoDateOf } from '../graphql/scalars.ts';
import { invalidTransition } from '../platform/errors.ts';
import { findingOf } from '../platform/finding.type.ts';
import type { MedicationInput } from './history.input.ts';
import { type MedicationType, medicationOf } from './history.types.ts';
import type { RecordMedicationPayload } from './medication.types.ts';
import { holdTrialsForOpioid } from './opioid-hold.ts';
import { assertNotBefore, optionalDbDate, tidy } from './patient.data.ts';

/** A medication as recorded: its name, its classification by the vocabulary, whether it is an opioid. */
export interface ClassifiedDrug {
  drug: string;
  columns: DrugColumns;
  isOpioid: boolean;
}

/**
 * Adds a medication in the caller's transaction, audited; an opioid recorded during an active trial
 * puts the trial on hold in the same transaction (§3).
 */
export async function recordMedicationIn(
  tx: Tx,
  ctx: Context,
  scope: ClinicRepository,
  patientId: string,
  { drug, columns, isOpioid }: ClassifiedDrug,
  input: MedicationInput,
): Promise<RecordMedicationPayload> {
  const patient = await scope.patient(patientId, tx);
  const medication = await tx.medication.create({
    data: {
      patientId: patient.id,
      drug,
      dose: tidy(input.dose) ?? null,
      isOpioid,
      ...columns,
      startedOn: optionalDbDate(input.startedOn),
      recordedById: scope.viewer.userId,
    },
  });
  await audit(tx, ctx, 'CREATE', 'Medication', medication.id);
  return medicationPayloadIn(tx, ctx, scope, patient, medication, true);
}

/**
 * The answer of a change to a medication: with `checkHold`, the opioid rule is applied in the
 * caller's transaction first, putting the patient's active trials on hold when it says so (§3, §11).
 */
export async function medicationPayloadIn(
  tx: Tx,
  ctx: Context,
  scope: ClinicRepository,
  patient: Patient,
  medication: Medication,
  checkHold: boolean,
): Promise<RecordMedicationPayload> {
  const { findings, trialsPutOnHold } = checkHold
    ? await holdTrialsForOpioid(tx, ctx, scope, patient, medication)
    : { findings: [], trialsPutOnHold: [] };
  return {
    medication: medicationOf(medication),
    patient,
    findings: findings.map(findingOf),
    trialsPutOnHold,
  };
}

/** Records a medication's last dose in the caller's transaction (stopping again corrects the date). */
export async function stopMedicationIn(
  tx: Tx,
  ctx: Context,
  scope: ClinicRepository,
  medicationId: string,
  stoppedOn: string,
): Promise<MedicationType> {
  const medication = await scope.medication(medicationId, tx);
  if (medication.enteredInErrorAt !== null)
    throw invalidTransition('This medication was marked entered in error.', 'ENTERED_IN_ERROR');
  const startedOn = medication.startedOn === null ? null : isoDateOf(medication.startedOn);
  assertNotBefore('stoppedOn', stoppedOn, startedOn, 'A medication cannot stop before it started.');
  const stopped = await tx.medication.update({
    where: { id: medication.id },
    // Stopped, it is no longer a possible opioid waiting for review (§11).
    data: { stoppedOn: dbDate(stoppedOn), needsReview: false, version: { increment: 1 } },
  });
  await audit(tx, ctx, 'UPDATE', 'Medication', stopped.id);
  return medicationOf(stopped);
}
