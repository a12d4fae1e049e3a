import type { Medication, Patient, PriorTherapy, Prisma } from '@ldn/db';
import { Arg, Authorized, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import { CLINIC_ROLES, MAY } from '../access/action-roles.ts';
import type { ClinicRepository } from '../access/clinic-repository.ts';
import { isRecordId } from '../access/ids.ts';
import { ClinicRepo } from '../access/repository-decorators.ts';
import { audit } from '../audit/audit.ts';
import {
  assertCorrectable,
  enteredInErrorColumns,
  previousValues,
  REASON_FIELD,
  REASON_TEXT,
  recordAmendment,
} from '../corrections/record-correction.ts';
import { columnsAreOpioid, type DrugColumns, drugColumns } from '../drugs/drug-classification.ts';
import type { Context } from '../graphql/context.ts';
import { ArgRules } from '../graphql/input-rules.ts';
import { isoDateOf } from '../graphql/scalars.ts';
import { badInput, invalidTransition, notFound } from '../platform/errors.ts';
import { findingOf } from '../platform/finding.type.ts';
import { MedicationAmendmentInput, PriorTherapyAmendmentInput } from './drug-record.input.ts';
import { MedicationType, medicationOf, PriorTherapyType, priorTherapyOf } from './history.types.ts';
import { RecordMedicationPayload } from './medication.types.ts';
import { holdTrialsForOpioid } from './opioid-hold.ts';
import { assertNotBefore, optionalDbDate, tidy } from './patient.data.ts';

type Tx = Prisma.TransactionClient;

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

async function medicationIn(
  scope: ClinicRepository,
  id: string,
  tx: Tx,
): Promise<Medication & { patient: Patient }> {
  const row = isRecordId(id)
    ? await tx.medication.findFirst({
        where: { id, patient: scope.patientWhere },
        include: { patient: true },
      })
    : null;
  if (row === null) throw notFound('Medication');
  return row;
}

async function priorTherapyIn(scope: ClinicRepository, id: string, tx: Tx): Promise<PriorTherapy> {
  const row = isRecordId(id)
    ? await tx.priorTherapy.findFirst({ where: { id, patient: scope.patientWhere } })
    : null;
  if (row === null) throw notFound('PriorTherapy');
  return row;
}

/**
 * Corrections of medications and prior therapies (workflows.md): nothing is deleted. An amendment
 * keeps the previous values and the reason; "entered in error" (clinicians) keeps the record
 * visible, struck through, and takes it out of every rule. Each is one transaction with its audit row.
 */
@Resolver()
export class DrugRecordCorrectionsResolver {
  @Authorized(...CLINIC_ROLES)
  @ArgRules({ reason: REASON_TEXT })
  @Mutation(() => RecordMedicationPayload, {
    description:
      'Corrects a medication (CONFLICT if changed since `version`). A corrected name is classified again; an opioid during an active trial puts it on hold.',
  })
  async amendMedication(
    @Arg('medicationId', () => ID) medicationId: string,
    @Arg('version', () => Int) version: number,
    @Arg('input', () => MedicationAmendmentInput) input: MedicationAmendmentInput,
    @Arg('reason', () => String, REASON_FIELD) reason: string,
    @ClinicRepo() scope: ClinicRepository,
    @Ctx() ctx: Context,
  ): Promise<RecordMedicationPayload> {
    return scope.transaction(async (tx) => {
      const medication = await medicationIn(scope, medicationId, tx);
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
    });
  }

  @Authorized('CLINICIAN')
  @ArgRules({ reason: REASON_TEXT })
  @Mutation(() => MedicationType, {
    description: 'Marks a medication entered in error: kept and shown struck through, counted nowhere.',
  })
  async markMedicationEnteredInError(
    @Arg('medicationId', () => ID) medicationId: string,
    @Arg('version', () => Int) version: number,
    @Arg('reason', () => String, REASON_FIELD) reason: string,
    @ClinicRepo() scope: ClinicRepository,
    @Ctx() ctx: Context,
  ): Promise<MedicationType> {
    return scope.transaction(async (tx) => {
      const medication = await medicationIn(scope, medicationId, tx);
      assertCorrectable(medication, version);
      const marked = await tx.medication.update({
        where: { id: medication.id },
        // No longer a possible opioid waiting for review either (§11).
        data: { ...enteredInError(ctx, scope, reason), needsReview: false },
      });
      await audit(tx, ctx, 'ENTERED_IN_ERROR', 'Medication', marked.id);
      return medicationOf(marked);
    });
  }

  @Authorized(...MAY.reviewPossibleOpioid)
  @Mutation(() => RecordMedicationPayload, {
    description:
      'Confirms a medication the drug vocabulary newly reads as an opioid (POSSIBLE_OPIOID_REVIEW): an active trial goes on hold as for a recorded opioid.',
  })
  async confirmPossibleOpioid(
    @Arg('medicationId', () => ID) medicationId: string,
    @Arg('version', () => Int) version: number,
    @ClinicRepo() scope: ClinicRepository,
    @Ctx() ctx: Context,
  ): Promise<RecordMedicationPayload> {
    return scope.transaction(async (tx) => {
      const medication = await medicationIn(scope, medicationId, tx);
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
    });
  }

  @Authorized(...CLINIC_ROLES)
  @ArgRules({ reason: REASON_TEXT })
  @Mutation(() => PriorTherapyType, {
    description:
      'Corrects a prior therapy (CONFLICT if changed since `version`); a corrected name is classified again.',
  })
  async amendPriorTherapy(
    @Arg('priorTherapyId', () => ID) priorTherapyId: string,
    @Arg('version', () => Int) version: number,
    @Arg('input', () => PriorTherapyAmendmentInput) input: PriorTherapyAmendmentInput,
    @Arg('reason', () => String, REASON_FIELD) reason: string,
    @ClinicRepo() scope: ClinicRepository,
    @Ctx() ctx: Context,
  ): Promise<PriorTherapyType> {
    return scope.transaction(async (tx) => {
      const therapy = await priorTherapyIn(scope, priorTherapyId, tx);
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
    });
  }

  @Authorized('CLINICIAN')
  @ArgRules({ reason: REASON_TEXT })
  @Mutation(() => PriorTherapyType, {
    description: 'Marks a prior therapy entered in error: kept and shown struck through, counted nowhere.',
  })
  async markPriorTherapyEnteredInError(
    @Arg('priorTherapyId', () => ID) priorTherapyId: string,
    @Arg('version', () => Int) version: number,
    @Arg('reason', () => String, REASON_FIELD) reason: string,
    @ClinicRepo() scope: ClinicRepository,
    @Ctx() ctx: Context,
  ): Promise<PriorTherapyType> {
    return scope.transaction(async (tx) => {
      const therapy = await priorTherapyIn(scope, priorTherapyId, tx);
      assertCorrectable(therapy, version);
      const marked = await tx.priorTherapy.update({
        where: { id: therapy.id },
        data: enteredInError(ctx, scope, reason),
      });
      await audit(tx, ctx, 'ENTERED_IN_ERROR', 'PriorTherapy', marked.id);
      return priorTherapyOf(marked);
    });
  }
}
