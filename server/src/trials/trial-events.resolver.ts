import { compareDates } from '@ldn/rules';
import { Authorized, FieldResolver, Resolver, Root } from 'type-graphql';
import { CLINIC_ROLES } from '../access/action-roles.ts';
import type { ClinicRepository } from '../access/clinic-repository.ts';
import { ClinicRepo } from '../access/repository-decorators.ts';
import { enteredInErrorByNameResolver } from '../corrections/entered-in-error.type.ts';
import { isoDateOf } from '../graphql/scalars.ts';
import { userNameOf } from '../graphql/user-names.ts';
import { SymptomScoreType, symptomScoreOf } from '../patients/history.types.ts';
import { trialLoaders } from './trial.loaders.ts';
import { TrialType } from './trial.type.ts';
import {
  AdverseEffectType,
  AssessmentType,
  adverseEffectOf,
  assessmentOf,
  DoseChangeType,
  doseChangeOf,
  holdOf,
  OverrideType,
  overrideOf,
  TrialHoldType,
  TrialWarningType,
  warningOf,
} from './trial-events.type.ts';

// The lists of a trial page, each one batched query per kind however many trials are shown. Dose
// changes, adverse effects and assessments entered in error are listed too, flagged so.

@Resolver(() => TrialType)
export class TrialEventsResolver {
  @Authorized(...CLINIC_ROLES)
  @FieldResolver(() => [DoseChangeType], {
    description: 'Dose changes after the start, oldest first; those entered in error too (flagged).',
  })
  async doseChanges(
    @Root() trial: TrialType,
    @ClinicRepo() repo: ClinicRepository,
  ): Promise<DoseChangeType[]> {
    return (await trialLoaders(repo).doseChanges.load(trial.id)).map(doseChangeOf);
  }

  @Authorized(...CLINIC_ROLES)
  @FieldResolver(() => [TrialHoldType])
  async holds(@Root() trial: TrialType, @ClinicRepo() repo: ClinicRepository): Promise<TrialHoldType[]> {
    return (await trialLoaders(repo).holds.load(trial.id)).map(holdOf);
  }

  @Authorized(...CLINIC_ROLES)
  @FieldResolver(() => [OverrideType], { description: 'Soft stops overridden, with reason, who and when.' })
  async overrides(@Root() trial: TrialType, @ClinicRepo() repo: ClinicRepository): Promise<OverrideType[]> {
    return (await trialLoaders(repo).overrides.load(trial.id)).map(overrideOf);
  }

  @Authorized(...CLINIC_ROLES)
  @FieldResolver(() => [TrialWarningType])
  async warnings(
    @Root() trial: TrialType,
    @ClinicRepo() repo: ClinicRepository,
  ): Promise<TrialWarningType[]> {
    return (await trialLoaders(repo).warnings.load(trial.id)).map(warningOf);
  }

  @Authorized(...CLINIC_ROLES)
  @FieldResolver(() => [AdverseEffectType], {
    description: 'Oldest first; those entered in error too (flagged).',
  })
  async adverseEffects(
    @Root() trial: TrialType,
    @ClinicRepo() repo: ClinicRepository,
  ): Promise<AdverseEffectType[]> {
    return (await trialLoaders(repo).adverseEffects.load(trial.id)).map(adverseEffectOf);
  }

  @Authorized(...CLINIC_ROLES)
  @FieldResolver(() => [AssessmentType], {
    description: 'Oldest first; those entered in error too (flagged).',
  })
  async assessments(
    @Root() trial: TrialType,
    @ClinicRepo() repo: ClinicRepository,
  ): Promise<AssessmentType[]> {
    return (await trialLoaders(repo).assessments.load(trial.id)).map(assessmentOf);
  }

  @Authorized(...CLINIC_ROLES)
  @FieldResolver(() => [SymptomScoreType], {
    description: 'The patient’s pain NRS scores from the baseline on, for the chart against baseline.',
  })
  async painScores(
    @Root() trial: TrialType,
    @ClinicRepo() repo: ClinicRepository,
  ): Promise<SymptomScoreType[]> {
    const scores = await trialLoaders(repo).painScores.load(trial.record.patientId);
    return scores
      .filter((score) => compareDates(isoDateOf(score.scoredOn), trial.baseline.date) >= 0)
      .map(symptomScoreOf);
  }
}

@Resolver(() => OverrideType)
export class OverrideResolver {
  @Authorized(...CLINIC_ROLES)
  @FieldResolver(() => String, { description: 'The name of the clinician who gave the override.' })
  async givenBy(@Root() override: OverrideType, @ClinicRepo() repo: ClinicRepository): Promise<string> {
    return userNameOf(repo, override.givenById);
  }
}

@Resolver(() => AssessmentType)
export class AssessmentByResolver {
  @Authorized(...CLINIC_ROLES)
  @FieldResolver(() => String, { description: 'The name of the clinician who assessed.' })
  async assessedBy(
    @Root() assessment: AssessmentType,
    @ClinicRepo() repo: ClinicRepository,
  ): Promise<string> {
    return userNameOf(repo, assessment.assessedById);
  }
}

/** Who marked a dose change, an adverse effect or an assessment entered in error. */
export const DoseChangeEnteredInErrorResolver = enteredInErrorByNameResolver(DoseChangeType, CLINIC_ROLES);
export const AdverseEffectEnteredInErrorResolver = enteredInErrorByNameResolver(
  AdverseEffectType,
  CLINIC_ROLES,
);
export const AssessmentEnteredInErrorResolver = enteredInErrorByNameResolver(AssessmentType, CLINIC_ROLES);
