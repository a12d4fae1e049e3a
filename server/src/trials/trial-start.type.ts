import type { TrialStartResult } from '@ldn/rules';
import { Field, ObjectType } from 'type-graphql';
import { EligibilityType, eligibilityOf } from '../platform/eligibility.type.ts';
import { FindingType, findingOf } from '../platform/finding.type.ts';
import { ClinicPolicyType } from './clinic-policy.ts';
import { BaselineType } from './trial.type.ts';
import { TitrationPlanType } from './trial-status.type.ts';

/** Everything that stands for or against starting a trial, all at once (rules: checkTrialStart). */
@ObjectType('TrialStartCheck')
export class TrialStartCheckType {
  @Field(() => Boolean, { description: 'No hard stop, and every soft stop has an override reason.' })
  canStart: boolean;

  @Field(() => String, { description: 'ALLOWED, OVERRIDE_REQUIRED or REFUSED.' })
  outcome: string;

  @Field(() => [FindingType], {
    description:
      'Every finding, in the order indication/eligibility, opioids, baseline, consent, first dose.',
  })
  findings: FindingType[];

  @Field(() => [String], { description: 'Codes of the soft stops still without a sufficient reason.' })
  overridesNeeded: string[];

  @Field(() => EligibilityType)
  eligibility: EligibilityType;

  @Field(() => BaselineType, {
    nullable: true,
    description: 'The latest pain score of the 14 days up to the start (§5); null when none.',
  })
  baseline: BaselineType | null;

  @Field(() => TitrationPlanType, {
    nullable: true,
    description:
      'The default schedule from the start date. Always given: the API starts every trial at 1.5 mg (firstDoseMg).',
  })
  plan: TitrationPlanType | null;

  @Field(() => ClinicPolicyType, { description: 'The clinic policy the check used.' })
  policy: ClinicPolicyType;
}

export const trialStartCheckOf = (result: TrialStartResult): TrialStartCheckType => ({
  canStart: result.canStart,
  outcome: result.decision.outcome,
  findings: result.findings.map(findingOf),
  overridesNeeded: result.decision.softStopsWithoutOverride.map((f) => f.code),
  eligibility: eligibilityOf(result.eligibility),
  baseline: result.baseline,
  plan: result.plan,
  policy: result.policy,
});
