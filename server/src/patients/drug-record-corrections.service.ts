import type { Medication, PriorTherapy } from '@ldn/db';
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
import type { MedicationAmendmentInput, PriorTherapyAmendmentInput } from './drug-record.input.ts';
import { type MedicationType, medicationOf, type PriorTherapyType, priorTherapyOf } from './history.types.ts';
import { medicationPayloadIn } from './medication.service.ts';
import type { RecordMedicationPayload } from './medication.types.ts';
import { assertNotBefore, optionalDbDate, tidy } from './patient.data.ts';

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
  return medicationPayloadIn(tx, ctx, scope, medication.patient, amended, holds);
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
  return medicationPayloadIn(tx, ctx, scope, medication.patient, reviewed, reviewed.isOpioid);
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

/** The columns that mark a drug record entered in error, its version moved on. */
type EnteredInError = ReturnType<typeof enteredInErrorColumns> & { version: { increment: 1 } };

/** What differs between the kinds of drug record a correction marks: how one is found, marked and shown. */
export interface DrugRecordKind<Row, Shown> {
  entity: 'Medication' | 'PriorTherapy';
  find(scope: ClinicRepository, id: string, tx: Tx): Promise<Row>;
  mark(tx: Tx, id: string, columns: EnteredInError): Promise<Row>;
  shown(row: Row): Shown;
}

/** A patient's medications, as a correction finds, marks and shows them. */
export const MEDICATIONS: DrugRecordKind<Medication, MedicationType> = {
  entity: 'Medication',
  find: (scope, id, tx) => scope.medication(id, tx),
  // No longer a possible opioid waiting for review either (§11).
  mark: (tx, id, columns) =>
    tx.medication.update({ where: { id }, data: { ...columns, needsReview: false } }),
  shown: medicationOf,
};

/** A patient's prior therapies, as a correction finds, marks and shows them. */
export const PRIOR_THERAPIES: DrugRecordKind<PriorTherapy, PriorTherapyType> = {
  entity: 'PriorTherapy',
  find: (scope, id, tx) => scope.priorTherapy(id, tx),
  mark: (tx, id, columns) => tx.priorTherapy.update({ where: { id }, data: columns }),
  shown: priorTherapyOf,
};

/**
 * Marks a medication or a prior therapy entered in error in the caller's transaction, if still at
 * `version`: kept, shown struck through, counted nowhere; one ENTERED_IN_ERROR audit row.
 */
export async function markDrugRecordEnteredInErrorIn<
  Row extends { id: string; enteredInErrorAt: Date | null; version: number },
  Shown,
>(
  tx: Tx,
  ctx: Context,
  scope: ClinicRepository,
  kind: DrugRecordKind<Row, Shown>,
  { id, version, reason }: Correction,
): Promise<Shown> {
  const record = await kind.find(scope, id, tx);
  assertCorrectable(record, version);
  const marked = await kind.mark(tx, record.id, {
    ...enteredInErrorColumns(ctx, scope.viewer.userId, reason),
    version: { increment: 1 },
  });
  await audit(tx, ctx, 'ENTERED_IN_ERROR', kind.entity, marked.id);
  return kind.shown(marked);
}
