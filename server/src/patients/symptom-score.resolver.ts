import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import { CLINIC_ROLES } from '../access/action-roles.ts';
import type { ClinicRepository } from '../access/clinic-repository.ts';
import { ClinicRepo } from '../access/repository-decorators.ts';
import { enteredInErrorByNameResolver } from '../corrections/entered-in-error.type.ts';
import { REASON_FIELD, REASON_TEXT } from '../corrections/record-correction.ts';
import type { Context } from '../graphql/context.ts';
import { ArgRules } from '../graphql/input-rules.ts';
import { LocalDate } from '../graphql/scalars.ts';
import { userNameOf } from '../graphql/user-names.ts';
import { amendments, RecordAmendmentType } from './drug-record.resolver.ts';
import { SymptomScoreType, symptomScoreOf } from './history.types.ts';
import { VisitScoreInput } from './symptom-score.input.ts';
import {
  amendSymptomScoreIn,
  markSymptomScoreEnteredInErrorIn,
  recordVisitScoresIn,
  visitScoreField,
} from './symptom-score.service.ts';

/** Who marked a score entered in error, for the clinic roles that read scores. */
export const SymptomScoreEnteredInErrorResolver = enteredInErrorByNameResolver(
  SymptomScoreType,
  CLINIC_ROLES,
);

/**
 * A visit's symptom scores and their corrections (workflows.md). Both clinic roles record scores
 * and amend them, as with other histories; marking one entered in error is a clinician's. An
 * amendment keeps the previous score and the reason; a score entered in error stays on the record,
 * struck through, and counts nowhere — and frees its day, so the right score can be entered again.
 */
@Resolver(() => SymptomScoreType)
export class SymptomScoreResolver {
  @Authorized(...CLINIC_ROLES)
  @ArgRules({ scoredOn: 'EVENT' })
  @Mutation(() => [SymptomScoreType], {
    description:
      'One visit: pain and the secondary measures scored on one day, all recorded or none. Each measure at most once; a measure already scored that day is refused by name (ALREADY_SCORED): amend it instead.',
  })
  async recordVisitScores(
    @Arg('patientId', () => ID) patientId: string,
    @Arg('scoredOn', () => LocalDate, { description: 'Not in the future.' }) scoredOn: string,
    @Arg('scores', () => [VisitScoreInput]) scores: VisitScoreInput[],
    @ClinicRepo() scope: ClinicRepository,
    @Ctx() ctx: Context,
  ): Promise<SymptomScoreType[]> {
    const recorded = await scope.transaction((tx) =>
      recordVisitScoresIn(tx, ctx, scope, { patientId, scoredOn, scores }, visitScoreField),
    );
    return recorded.map(symptomScoreOf);
  }

  @Authorized(...CLINIC_ROLES)
  @ArgRules({ reason: REASON_TEXT })
  @Mutation(() => SymptomScoreType, {
    description:
      'Corrects a score (CONFLICT if changed since `version`); the previous score and the reason are kept.',
  })
  async amendSymptomScore(
    @Arg('scoreId', () => ID) scoreId: string,
    @Arg('version', () => Int) version: number,
    @Arg('score', () => Int) score: number,
    @Arg('reason', () => String, REASON_FIELD) reason: string,
    @ClinicRepo() scope: ClinicRepository,
    @Ctx() ctx: Context,
  ): Promise<SymptomScoreType> {
    const amended = await scope.transaction((tx) =>
      amendSymptomScoreIn(tx, ctx, scope, { id: scoreId, version, reason }, score),
    );
    return symptomScoreOf(amended);
  }

  @Authorized('CLINICIAN')
  @ArgRules({ reason: REASON_TEXT })
  @Mutation(() => SymptomScoreType, {
    description:
      'Marks a score entered in error: kept and shown struck through, counted nowhere (baseline, response, charts); its measure may be scored again that day.',
  })
  async markSymptomScoreEnteredInError(
    @Arg('scoreId', () => ID) scoreId: string,
    @Arg('version', () => Int) version: number,
    @Arg('reason', () => String, REASON_FIELD) reason: string,
    @ClinicRepo() scope: ClinicRepository,
    @Ctx() ctx: Context,
  ): Promise<SymptomScoreType> {
    const marked = await scope.transaction((tx) =>
      markSymptomScoreEnteredInErrorIn(tx, ctx, scope, { id: scoreId, version, reason }),
    );
    return symptomScoreOf(marked);
  }

  @Authorized(...CLINIC_ROLES)
  @FieldResolver(() => String, {
    description: 'Who recorded it: a clinic user’s name, or "the patient" (source PATIENT).',
  })
  async recordedBy(@Root() score: SymptomScoreType, @ClinicRepo() repo: ClinicRepository): Promise<string> {
    return score.recordedById === null ? 'the patient' : userNameOf(repo, score.recordedById);
  }

  @Authorized(...CLINIC_ROLES)
  @FieldResolver(() => [RecordAmendmentType], {
    description: 'Its corrections, oldest first, each with the score it replaced.',
  })
  amendments(
    @Root() score: SymptomScoreType,
    @ClinicRepo() repo: ClinicRepository,
  ): Promise<RecordAmendmentType[]> {
    return amendments(repo, 'SymptomScore', score.id);
  }
}
