import type { ClinicRepository } from '../access/clinic-repository.ts';
import type { Tx } from '../access/repository.ts';
import { audit } from '../audit/audit.ts';
import {
  assertCorrectable,
  type Correction,
  enteredInErrorColumns,
  previousValues,
  recordAmendment,
} from '../corrections/record-correction.ts';
import { columnsAreOpioid, type DrugColumns, drugColumns } from '../drugs/drug-classification.ts';
import type { Context } from '../graphql/context.ts';
import { isoDateOf } from '../graphql/scalars.ts';
import { badInput, invalidTransition } from '../platform/errors.ts';
import { findingOf } from '../platform/finding.type.ts';
import type { MedicationAmendmentInput, PriorTherapyAmendmentInput } from './drug-record.input.ts';
import { type MedicationType, medicationOf, type PriorTherapyType, priorTherapyOf } from './history.types.ts';
import type { RecordMedicationPayload } from './medication.types.ts';
import { holdTrialsForOpioid } from './opioid-hold.ts';
import { assertNotBefore, optionalDbDate, tidy } from './patient.data.ts';

/** The columns that mark a drug record entered in error, its version moved on. */
const enteredInError = (ctx: Context, scope: ClinicRepository, reason: string) => ({
  ...enteredInErrorColumns(ctx, scope.viewer.userId, reason),
  version: { increment: 1 },
});

/** The drug columns after a correction: classified again when the name or the classification changes. */
function correctedDrugColumns(
  ctx: Context,
  scope: ClinicRepository,
  record: { drug: string },
  change: { drug?: string | null; classification?: MedicationAmendmentInput['classification'] },
  use: 'MEDICATION' | 'PRIOR_THERAPY',
): ({ drug: string } & DrugColumns) | null {
  const drug = change.drug?.trim();
  if (drug === undefined && change.classification == null) return null;
  const name = drug ?? record.drug;
  return { drug: name, ...drugColumns(name, change.classification, use, scope.viewer, ctx.clock.now()) };
}

/**
 * Amends a medication in the caller's transaction, keeping the previous values and the reason; an
 * opioid now still taken puts the patient's active trials on hold (§3, §11).
 */
export async function amendMedicationIn(
  tx: Tx,
  ctx: Context,
  scope: ClinicRepository,
  { id, version, reason }: Correction,
  input: MedicationAmendmentInput,
): Promise<RecordMedicationPayload> {
  const medication = await scope.medication(id, tx);
  assertCorrectable(medication, version);
  const stoppedOn = medication.stoppedOn === null ? null : isoDateOf(medication.stoppedOn);
  assertNotBefore('startedOn', stoppedOn, input.startedOn, 'A medication cannot start after it stopped.');
  const drugChange = correctedDrugColumns(ctx, scope, medication, input, 'MEDICATION');
  const data = {
    ...(drugChange ?? {}),
    ...(drugChange === null ? {} : { isOpioid: columnsAreOpioid(drugChange) }),
    ...(input.dose === undefined ? {} : { dose: tidy(input.dose) ?? null }),
    ...(input.startedOn === undefined ? {} : { startedOn: optionalDbDate(input.startedOn) }),
  };
  const previous = previousValues(medication, data);
  // A clinician's correction is the review a re-screened opioid waits for (§11).
  const reviewed = scope.viewer.role === 'CLINICIAN' ? { needsReview: false } : {};
  const amended = await tx.medication.update({
    where: { id: medication.id },
    data: { ...data, ...reviewed, version: { increment: 1 } },
  });
  await recordAmendment(tx, ctx, scope.viewer.userId, 'Medication', amended, previous, reason);
  // An opioid now, still taken: newly so, or a re-screened one a clinician has now reviewed (§3, §11).
  const holds =
    amended.isOpioid &&
    amended.stoppedOn === null &&
    (!medication.isOpioid || (medication.needsReview && !amended.needsReview));
  const { findings, trialsPutOnHold } = holds
    ? await holdTrialsForOpioid(tx, ctx, scope, medication.patient, amended)
    : { findings: [], trialsPutOnHold: [] };
  return {
    medication: medicationOf(amended),
    patient: medication.patient,
    findings: findings.map(findingOf),
    trialsPutOnHold,
  };
}

/** Marks a medication entered in error in the caller's transaction: kept, counted nowhere. */
export async function markMedicationEnteredInErrorIn(
  tx: Tx,
  ctx: Context,
  scope: ClinicRepository,
  { id, version, reason }: Correction,
): Promise<MedicationType> {
  const medication = await scope.medication(id, tx);
  assertCorrectable(medication, version);
  const marked = await tx.medication.update({
    where: { id: medication.id },
    // No longer a possible opioid waiting for review either (§11).
    data: { ...enteredInError(ctx, scope, reason), needsReview: false },
  });
  await audit(tx, ctx, 'ENTERED_IN_ERROR', 'Medication', marked.id);
  return medicationOf(marked);
}

/** Confirms a re-screened possible opioid in the caller's transaction; an opioid puts active trials on hold. */
export async function confirmPossibleOpioidIn(
  tx: Tx,
  ctx: Context,
  scope: ClinicRepository,
  { id, version }: Omit<Correction, 'reason'>,
): Promise<RecordMedicationPayload> {
  const medication = await scope.medication(id, tx);
  assertCorrectable(medication, version);
  if (!medication.needsReview) throw invalidTransition('Nothing waits for review here.', 'REVIEWED');
  const reviewed = await tx.medication.update({
    where: { id: medication.id },
    data: { needsReview: false, version: { increment: 1 } },
  });
  await audit(tx, ctx, 'REVIEW', 'Medication', reviewed.id);
  const { findings, trialsPutOnHold } = reviewed.isOpioid
    ? await holdTrialsForOpioid(tx, ctx, scope, medication.patient, reviewed)
    : { findings: [], trialsPutOnHold: [] };
  return {
    medication: medicationOf(reviewed),
    patient: medication.patient,
    findings: findings.map(findingOf),
    trialsPutOnHold,
  };
}

/** Amends a prior therapy in the caller's transaction, keeping the previous values and the reason. */
export async function amendPriorTherapyIn(
  tx: Tx,
  ctx: Context,
  scope: ClinicRepository,
  { id, version, reason }: Correction,
  input: PriorTherapyAmendmentInput,
): Promise<PriorTherapyType> {
  const therapy = await scope.priorTherapy(id, tx);
  assertCorrectable(therapy, version);
  const startedOn = input.startedOn === undefined ? therapy.startedOn : optionalDbDate(input.startedOn);
  const endedOn = input.endedOn === undefined ? therapy.endedOn : optionalDbDate(input.endedOn);
  assertNotBefore(
    'endedOn',
    endedOn === null ? null : isoDateOf(endedOn),
    startedOn === null ? null : isoDateOf(startedOn),
    'The therapy cannot end before it started.',
  );
  if (input.outcome === null) throw badInput('outcome', 'An outcome cannot be removed.');
  const data = {
    ...(correctedDrugColumns(ctx, scope, therapy, input, 'PRIOR_THERAPY') ?? {}),
    ...(input.doseRange === undefined ? {} : { doseRange: tidy(input.doseRange) ?? null }),
    ...(input.startedOn === undefined ? {} : { startedOn }),
    ...(input.endedOn === undefined ? {} : { endedOn }),
    ...(input.outcome === undefined ? {} : { outcome: input.outcome }),
    ...(input.note === undefined ? {} : { note: tidy(input.note) ?? null }),
  };
  const previous = previousValues(therapy, data);
  const amended = await tx.priorTherapy.update({
    where: { id: therapy.id },
    data: { ...data, version: { increment: 1 } },
  });
  await recordAmendment(tx, ctx, scope.viewer.userId, 'PriorTherapy', amended, previous, reason);
  return priorTherapyOf(amended);
}

/** Marks a prior therapy entered in error in the caller's transaction: kept, counted nowhere. */
export async function markPriorTherapyEnteredInErrorIn(
  tx: Tx,
  ctx: Context,
  scope: ClinicRepository,
  { id, version, reason }: Correction,
): Promise<PriorTherapyType> {
  const therapy = await scope.priorTherapy(id, tx);
  assertCorrectable(therapy, version);
  const marked = await tx.priorTherapy.update({
    where: { id: therapy.id },
    data: enteredInError(ctx, scope, reason),
  });
  await audit(tx, ctx, 'ENTERED_IN_ERROR', 'PriorTherapy', marked.id);
  return priorTherapyOf(marked);
}
