import type { Patient } from '@ldn/db';
import { findBaseline } from '@ldn/rules';
import { Arg, Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { CLINIC_ROLES } from '../access/action-roles.ts';
import type { ClinicRepository } from '../access/clinic-repository.ts';
import { ClinicRepo } from '../access/repository-decorators.ts';
import type { Context } from '../graphql/context.ts';
import { isoDateOf } from '../graphql/scalars.ts';
import {
  ConsentType,
  consentOf,
  MedicationType,
  medicationOf,
  OpioidFreeAttestationType,
  PriorTherapyType,
  priorTherapyOf,
  SymptomScoreType,
  symptomScoreOf,
} from './history.types.ts';
import { SymptomMeasure } from './patient.enums.ts';
import {
  attestationsOf,
  consentsOf,
  medicationsOf,
  priorTherapiesOf,
  symptomScoresOf,
} from './patient.loaders.ts';
import { PatientType } from './patient.type.ts';

/**
 * A patient's histories as nested fields, batched per page. Clinic roles only: a patient reached
 * some other way (a pharmacist's order) never shows histories or scores (workflows.md).
 */
@Resolver(() => PatientType)
export class PatientHistoriesResolver {
  @Authorized(...CLINIC_ROLES)
  @FieldResolver(() => [PriorTherapyType], {
    description: 'In the order recorded, entered-in-error ones included (flagged).',
  })
  async priorTherapies(
    @Root() patient: Patient,
    @ClinicRepo() repo: ClinicRepository,
  ): Promise<PriorTherapyType[]> {
    return (await priorTherapiesOf(repo).load(patient.id)).map(priorTherapyOf);
  }

  @Authorized(...CLINIC_ROLES)
  @FieldResolver(() => [MedicationType], {
    description: 'Current, stopped and entered in error, in the order recorded.',
  })
  async medications(
    @Root() patient: Patient,
    @ClinicRepo() repo: ClinicRepository,
  ): Promise<MedicationType[]> {
    return (await medicationsOf(repo).load(patient.id)).map(medicationOf);
  }

  @Authorized(...CLINIC_ROLES)
  @FieldResolver(() => [OpioidFreeAttestationType], { description: 'Oldest first.' })
  opioidFreeAttestations(@Root() patient: Patient, @ClinicRepo() repo: ClinicRepository) {
    return attestationsOf(repo).load(patient.id);
  }

  @Authorized(...CLINIC_ROLES)
  @FieldResolver(() => [ConsentType], { description: 'Oldest first.' })
  async consents(@Root() patient: Patient, @ClinicRepo() repo: ClinicRepository): Promise<ConsentType[]> {
    return (await consentsOf(repo).load(patient.id)).map(consentOf);
  }

  @Authorized(...CLINIC_ROLES)
  @FieldResolver(() => [SymptomScoreType], {
    description:
      'By date; one measure, or all when left out. Scores entered in error are listed too (enteredInError), as the record shows them.',
  })
  async symptomScores(
    @Root() patient: Patient,
    @Arg('measure', () => SymptomMeasure, { nullable: true }) measure: SymptomMeasure | null,
    @ClinicRepo() repo: ClinicRepository,
  ) {
    return (await symptomScoresOf(repo, measure ?? null).load(patient.id)).map(symptomScoreOf);
  }

  /** The pain score a trial starting today would take as baseline (clinical-rules §5), if any. */
  @Authorized(...CLINIC_ROLES)
  @FieldResolver(() => SymptomScoreType, {
    nullable: true,
    description: 'The pain score a trial started today would take as its baseline (latest of 14 days).',
  })
  async baselineCandidate(
    @Root() patient: Patient,
    @ClinicRepo() repo: ClinicRepository,
    @Ctx() ctx: Context,
  ): Promise<SymptomScoreType | null> {
    // A score entered in error is never a baseline (workflows.md: it counts nowhere).
    const painScores = (await symptomScoresOf(repo, SymptomMeasure.PAIN_NRS).load(patient.id)).filter(
      (row) => row.enteredInErrorAt === null,
    );
    const baseline = findBaseline(
      painScores.map((row) => ({ date: isoDateOf(row.scoredOn), score: row.score })),
      ctx.clock.today(),
    );
    if (baseline === null) return null;
    const row = painScores.find((score) => isoDateOf(score.scoredOn) === baseline.date);
    return row === undefined ? null : symptomScoreOf(row);
  }
}
