import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { CLINIC_ROLES } from '../access/action-roles.ts';
import type { ClinicRepository } from '../access/clinic-repository.ts';
import { ClinicRepo } from '../access/repository-decorators.ts';
import { columnsAreOpioid, drugColumns } from '../drugs/drug-classification.ts';
import type { Context } from '../graphql/context.ts';
import { ArgRules } from '../graphql/input-rules.ts';
import { LocalDate } from '../graphql/scalars.ts';
import { MedicationInput } from './history.input.ts';
import { MedicationType } from './history.types.ts';
import { recordMedicationIn, stopMedicationIn } from './medication.service.ts';
import { RecordMedicationPayload } from './medication.types.ts';

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
    return scope.transaction((tx) =>
      recordMedicationIn(tx, ctx, scope, patientId, { drug, columns, isOpioid }, input),
    );
  }

  /**
   * Records the last dose. For an opioid the washout counts from this date (clinical-rules §3).
   * Stopping again corrects the date.
   */
  @Authorized(...CLINIC_ROLES)
  @ArgRules({ stoppedOn: 'HISTORY' })
  @Mutation(() => MedicationType)
  stopMedication(
    @Arg('medicationId', () => ID) medicationId: string,
    @Arg('stoppedOn', () => LocalDate) stoppedOn: string,
    @ClinicRepo() scope: ClinicRepository,
    @Ctx() ctx: Context,
  ): Promise<MedicationType> {
    return scope.transaction((tx) => stopMedicationIn(tx, ctx, scope, medicationId, stoppedOn));
  }
}
