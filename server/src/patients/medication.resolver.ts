import type { Medication, Prisma } from '@ldn/db';
import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { CLINIC_ROLES } from '../access/action-roles.ts';
import type { ClinicRepository } from '../access/clinic-repository.ts';
import { isRecordId } from '../access/ids.ts';
import { ClinicRepo } from '../access/repository-decorators.ts';
import { audit } from '../audit/audit.ts';
import { columnsAreOpioid, drugColumns } from '../drugs/drug-classification.ts';
import type { Context } from '../graphql/context.ts';
import { ArgRules } from '../graphql/input-rules.ts';
import { dbDate, isoDateOf, LocalDate } from '../graphql/scalars.ts';
import { invalidTransition, notFound } from '../platform/errors.ts';
import { findingOf } from '../platform/finding.type.ts';
import { MedicationInput } from './history.input.ts';
import { MedicationType, medicationOf } from './history.types.ts';
import { RecordMedicationPayload } from './medication.types.ts';
import { holdTrialsForOpioid } from './opioid-hold.ts';
import { assertNotBefore, optionalDbDate, tidy } from './patient.data.ts';

/** A medication of a patient of the scope's clinic; any other id is NOT_FOUND. */
async function medicationInScope(
  scope: ClinicRepository,
  id: string,
  tx: Prisma.TransactionClient,
): Promise<Medication> {
  const medication = isRecordId(id)
    ? await tx.medication.findFirst({ where: { id, patient: scope.patientWhere } })
    : null;
  if (medication === null) throw notFound('Medication');
  return medication;
}

@Resolver()
export class MedicationResolver {
  /**
   * Adds a medication. Whether it is an opioid comes from the drug vocabulary, or for a name it does
   * not recognise from a clinician's explicit classification, never from a client's flag (§11). An
   * opioid recorded during an active trial puts the trial on hold in the same transaction (§3).
   */
  @Authorized(...CLINIC_ROLES)
  @Mutation(() => RecordMedicationPayload)
  async recordMedication(
    @Arg('patientId', () => ID) patientId: string,
    @Arg('input', () => MedicationInput) input: MedicationInput,
    @ClinicRepo() scope: ClinicRepository,
    @Ctx() ctx: Context,
  ): Promise<RecordMedicationPayload> {
    const drug = input.drug.trim();
    const columns = drugColumns(drug, input.classification, 'MEDICATION', scope.viewer, ctx.clock.now());
    const isOpioid = columnsAreOpioid(columns);
    return scope.transaction(async (tx) => {
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
      const { findings, trialsPutOnHold } = await holdTrialsForOpioid(tx, ctx, scope, patient, {
        drug,
        isOpioid,
      });
      return {
        medication: medicationOf(medication),
        patient,
        findings: findings.map(findingOf),
        trialsPutOnHold,
      };
    });
  }

  /**
   * Records the last dose. For an opioid the washout counts from this date (clinical-rules §3).
   * Stopping again corrects the date.
   */
  @Authorized(...CLINIC_ROLES)
  @ArgRules({ stoppedOn: 'HISTORY' })
  @Mutation(() => MedicationType)
  async stopMedication(
    @Arg('medicationId', () => ID) medicationId: string,
    @Arg('stoppedOn', () => LocalDate) stoppedOn: string,
    @ClinicRepo() scope: ClinicRepository,
    @Ctx() ctx: Context,
  ): Promise<MedicationType> {
    return scope.transaction(async (tx) => {
      const medication = await medicationInScope(scope, medicationId, tx);
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
    });
  }
}
