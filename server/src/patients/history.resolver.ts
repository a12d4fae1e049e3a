import type { OpioidFreeAttestation } from '@ldn/db';
import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { CLINIC_ROLES } from '../access/action-roles.ts';
import type { ClinicRepository } from '../access/clinic-repository.ts';
import { ClinicRepo } from '../access/repository-decorators.ts';
import type { Context } from '../graphql/context.ts';
import { attestationData, priorTherapyData } from './history.data.ts';
import {
  ConsentInput,
  OpioidFreeAttestationInput,
  PriorTherapyInput,
  SymptomScoreInput,
} from './history.input.ts';
import { attestOpioidFreeIn, recordConsentIn, recordPriorTherapyIn } from './history.service.ts';
import {
  ConsentPointStatementType,
  ConsentType,
  consentPointStatementOf,
  OpioidFreeAttestationType,
  PriorTherapyType,
  SymptomScoreType,
  symptomScoreOf,
} from './history.types.ts';
import { ConsentPoint } from './patient.enums.ts';
import { recordVisitScoresIn } from './symptom-score.service.ts';

/**
 * Recording a patient's histories. Both clinic roles: workflows.md lets a coordinator record
 * histories and scores. Each change is one transaction with its audit row.
 */
@Resolver()
export class HistoryResolver {
  /** The four points of §7 with their text, for the consent form. */
  @Authorized(...CLINIC_ROLES)
  @Query(() => [ConsentPointStatementType])
  consentPoints(): ConsentPointStatementType[] {
    return Object.values(ConsentPoint).map(consentPointStatementOf);
  }

  @Authorized(...CLINIC_ROLES)
  @Mutation(() => PriorTherapyType)
  recordPriorTherapy(
    @Arg('patientId', () => ID) patientId: string,
    @Arg('input', () => PriorTherapyInput) input: PriorTherapyInput,
    @ClinicRepo() scope: ClinicRepository,
    @Ctx() ctx: Context,
  ): Promise<PriorTherapyType> {
    const data = priorTherapyData(input, scope.viewer, ctx.clock.now());
    return scope.transaction((tx) => recordPriorTherapyIn(tx, ctx, scope, patientId, data));
  }

  /**
   * Either role may attest: workflows.md reserves only start, dose, assessment and discontinuation.
   * Refused (OPIOID_CONCURRENT_USE) while an active medication is an opioid.
   */
  @Authorized(...CLINIC_ROLES)
  @Mutation(() => OpioidFreeAttestationType)
  attestOpioidFree(
    @Arg('patientId', () => ID) patientId: string,
    @Arg('input', () => OpioidFreeAttestationInput) input: OpioidFreeAttestationInput,
    @ClinicRepo() scope: ClinicRepository,
    @Ctx() ctx: Context,
  ): Promise<OpioidFreeAttestation> {
    const data = attestationData(input);
    return scope.transaction((tx) => attestOpioidFreeIn(tx, ctx, scope, patientId, data));
  }

  /** In practice the clinician records it (§7); a coordinator may too, as with other histories. */
  @Authorized(...CLINIC_ROLES)
  @Mutation(() => ConsentType)
  recordConsent(
    @Arg('patientId', () => ID) patientId: string,
    @Arg('input', () => ConsentInput) input: ConsentInput,
    @ClinicRepo() scope: ClinicRepository,
    @Ctx() ctx: Context,
  ): Promise<ConsentType> {
    return scope.transaction((tx) => recordConsentIn(tx, ctx, scope, patientId, input));
  }

  /**
   * Records one score: a visit of one measure (recordVisitScores records several at once). A
   * measure already scored that day is refused by name (ALREADY_SCORED): it is corrected by an
   * amendment, which keeps the previous score, never by recording it again.
   */
  @Authorized(...CLINIC_ROLES)
  @Mutation(() => SymptomScoreType, { deprecationReason: 'Use recordVisitScores: one visit, one call.' })
  async recordSymptomScore(
    @Arg('patientId', () => ID) patientId: string,
    @Arg('input', () => SymptomScoreInput) input: SymptomScoreInput,
    @ClinicRepo() scope: ClinicRepository,
    @Ctx() ctx: Context,
  ): Promise<SymptomScoreType> {
    const { scoredOn, measure, score } = input;
    const [recorded] = await scope.transaction((tx) =>
      recordVisitScoresIn(
        tx,
        ctx,
        scope,
        { patientId, scoredOn, scores: [{ measure, score }] },
        (_, field) => (field === null ? 'input' : field),
      ),
    );
    if (recorded === undefined) throw new Error('A visit of one score recorded none.');
    return symptomScoreOf(recorded);
  }
}
