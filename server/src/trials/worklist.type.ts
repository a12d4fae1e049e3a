import { Role } from '@ldn/db';
import { Field, GraphQLISODateTime, ID, ObjectType } from 'type-graphql';
import { LocalDate } from '../graphql/scalars.ts';
import { TrialType } from './trial.type.ts';

/** One thing the clinic needs to do, and the trial it is for. */
@ObjectType('WorklistItem')
export class WorklistItemType {
  @Field(() => String, {
    description:
      'What to do: a trial action (DOSE_STEP_DUE, ASSESSMENT_WINDOW_OPEN, TRIAL_ON_HOLD, …) an order needing attention (ORDER_REJECTED, ORDER_ON_HOLD, REFILL_RUNNING_OUT, ORDER_AWAITING_SIGNATURE), POSSIBLE_OPIOID_REVIEW, or from a patient link: PATIENT_REPORTS_MISSING, ASSESSMENT_FEW_SCORES, PATIENT_SIDE_EFFECT_TO_REVIEW.',
  })
  code: string;

  @Field(() => LocalDate, { description: 'The date it refers to; the list is sorted by it.' })
  date: string;

  @Field(() => String)
  message: string;

  @Field(() => TrialType)
  trial: TrialType;

  @Field(() => ID, { nullable: true, description: 'The order it concerns, for order items.' })
  orderId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The medication it concerns (POSSIBLE_OPIOID_REVIEW).' })
  medicationId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The adverse effect it concerns (PATIENT_SIDE_EFFECT_TO_REVIEW: reported by the patient).',
  })
  adverseEffectId?: string | null;

  @Field(() => [Role], { description: 'The roles that may do it (the roles its mutation allows).' })
  actionableBy: Role[];

  @Field(() => Role, {
    nullable: true,
    description:
      'The role it waits for when yours cannot do it (e.g. CLINICIAN for a coordinator); null when you can.',
  })
  waitsFor: Role | null;

  @Field(() => Boolean, {
    description:
      'Addressed to a clinician’s inbox (a draft to sign, a possible opioid to review), not the schedule.',
  })
  inbox: boolean;

  @Field(() => String, { nullable: true, description: 'ORDER_AWAITING_SIGNATURE: who prepared the draft.' })
  preparedBy?: string | null;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'ORDER_AWAITING_SIGNATURE: when the draft was prepared.',
  })
  preparedAt?: Date | null;
}
