import { Arg, Authorized, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import { CLINIC_ROLES, MAY } from '../access/action-roles.ts';
import type { ClinicRepository } from '../access/clinic-repository.ts';
import { ClinicRepo } from '../access/repository-decorators.ts';
import { REASON_FIELD, REASON_TEXT } from '../corrections/record-correction.ts';
import type { Context } from '../graphql/context.ts';
import { ArgRules } from '../graphql/input-rules.ts';
import { MedicationAmendmentInput, PriorTherapyAmendmentInput } from './drug-record.input.ts';
import {
  amendMedicationIn,
  amendPriorTherapyIn,
  confirmPossibleOpioidIn,
  MEDICATIONS,
  markDrugRecordEnteredInErrorIn,
  PRIOR_THERAPIES,
} from './drug-record-corrections.service.ts';
import { MedicationType, PriorTherapyType } from './history.types.ts';
import { RecordMedicationPayload } from './medication.types.ts';

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
  amendMedication(
    @Arg('medicationId', () => ID) medicationId: string,
    @Arg('version', () => Int) version: number,
    @Arg('input', () => MedicationAmendmentInput) input: MedicationAmendmentInput,
    @Arg('reason', () => String, REASON_FIELD) reason: string,
    @ClinicRepo() scope: ClinicRepository,
    @Ctx() ctx: Context,
  ): Promise<RecordMedicationPayload> {
    return scope.transaction((tx) =>
      amendMedicationIn(tx, ctx, scope, { id: medicationId, version, reason }, input),
    );
  }

  @Authorized('CLINICIAN')
  @ArgRules({ reason: REASON_TEXT })
  @Mutation(() => MedicationType, {
    description: 'Marks a medication entered in error: kept and shown struck through, counted nowhere.',
  })
  markMedicationEnteredInError(
    @Arg('medicationId', () => ID) medicationId: string,
    @Arg('version', () => Int) version: number,
    @Arg('reason', () => String, REASON_FIELD) reason: string,
    @ClinicRepo() scope: ClinicRepository,
    @Ctx() ctx: Context,
  ): Promise<MedicationType> {
    return scope.transaction((tx) =>
      markDrugRecordEnteredInErrorIn(tx, ctx, scope, MEDICATIONS, { id: medicationId, version, reason }),
    );
  }

  @Authorized(...MAY.reviewPossibleOpioid)
  @Mutation(() => RecordMedicationPayload, {
    description:
      'Confirms a medication the drug vocabulary newly reads as an opioid (POSSIBLE_OPIOID_REVIEW): an active trial goes on hold as for a recorded opioid.',
  })
  confirmPossibleOpioid(
    @Arg('medicationId', () => ID) medicationId: string,
    @Arg('version', () => Int) version: number,
    @ClinicRepo() scope: ClinicRepository,
    @Ctx() ctx: Context,
  ): Promise<RecordMedicationPayload> {
    return scope.transaction((tx) => confirmPossibleOpioidIn(tx, ctx, scope, { id: medicationId, version }));
  }

  @Authorized(...CLINIC_ROLES)
  @ArgRules({ reason: REASON_TEXT })
  @Mutation(() => PriorTherapyType, {
    description:
      'Corrects a prior therapy (CONFLICT if changed since `version`); a corrected name is classified again.',
  })
  amendPriorTherapy(
    @Arg('priorTherapyId', () => ID) priorTherapyId: string,
    @Arg('version', () => Int) version: number,
    @Arg('input', () => PriorTherapyAmendmentInput) input: PriorTherapyAmendmentInput,
    @Arg('reason', () => String, REASON_FIELD) reason: string,
    @ClinicRepo() scope: ClinicRepository,
    @Ctx() ctx: Context,
  ): Promise<PriorTherapyType> {
    return scope.transaction((tx) =>
      amendPriorTherapyIn(tx, ctx, scope, { id: priorTherapyId, version, reason }, input),
    );
  }

  @Authorized('CLINICIAN')
  @ArgRules({ reason: REASON_TEXT })
  @Mutation(() => PriorTherapyType, {
    description: 'Marks a prior therapy entered in error: kept and shown struck through, counted nowhere.',
  })
  markPriorTherapyEnteredInError(
    @Arg('priorTherapyId', () => ID) priorTherapyId: string,
    @Arg('version', () => Int) version: number,
    @Arg('reason', () => String, REASON_FIELD) reason: string,
    @ClinicRepo() scope: ClinicRepository,
    @Ctx() ctx: Context,
  ): Promise<PriorTherapyType> {
    return scope.transaction((tx) =>
      markDrugRecordEnteredInErrorIn(tx, ctx, scope, PRIOR_THERAPIES, {
        id: priorTherapyId,
        version,
        reason,
      }),
    );
  }
}
