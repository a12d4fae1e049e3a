import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDate } from '../graphql/scalars.ts';
import { TrialActionCode, TrialState } from './trial.enums.ts';

const StepStatus = { PAST: 'PAST', CURRENT: 'CURRENT', NEXT: 'NEXT', PROJECTED: 'PROJECTED' } as const;
registerEnumType(StepStatus, { name: 'DoseStepStatus' });
type StepStatus = (typeof StepStatus)[keyof typeof StepStatus];

/** One dose period of a titration plan: the nightly dose from its first night. */
@ObjectType('TitrationStep')
export class TitrationStepType {
  @Field(() => LocalDate)
  from: string;

  @Field(() => Float)
  doseMg: number;
}

/** The schedule recomputed from what happened (rules package planTitration, clinical-rules §4). */
@ObjectType('TitrationPlan')
export class TitrationPlanType {
  @Field(() => [TitrationStepType], { description: 'Past dose periods, then the projected steps.' })
  steps: TitrationStepType[];

  @Field(() => Float, { description: '4.5 mg, or the declared maintenance dose.' })
  targetDoseMg: number;

  @Field(() => LocalDate, { nullable: true, description: 'The day the target dose began (or will).' })
  targetReachedOn: string | null;

  @Field(() => LocalDate, { nullable: true, description: '4 weeks at the target dose [2].' })
  assessmentOpensOn: string | null;

  @Field(() => LocalDate, { nullable: true, description: '8 weeks at the target dose [2].' })
  assessmentDueBy: string | null;
}

@ObjectType('NextDoseStep')
export class NextDoseStepType {
  @Field(() => LocalDate)
  date: string;

  @Field(() => Float)
  doseMg: number;

  @Field(() => Boolean, { description: 'Its date has passed without a recorded dose change.' })
  overdue: boolean;
}

@ObjectType('AssessmentWindow')
export class AssessmentWindowType {
  @Field(() => LocalDate)
  opensOn: string;

  @Field(() => LocalDate)
  dueBy: string;

  @Field(() => Boolean)
  open: boolean;

  @Field(() => Boolean)
  overdue: boolean;
}

/** Something that needs doing for a trial (a worklist line). */
@ObjectType('TrialAction')
export class TrialActionType {
  @Field(() => TrialActionCode)
  code: TrialActionCode;

  @Field(() => LocalDate, { description: 'The step date, due date or hold start it refers to.' })
  date: string;

  @Field(() => String)
  message: string;
}

@ObjectType('TimelineStep')
export class TimelineStepType {
  @Field(() => LocalDate)
  from: string;

  @Field(() => Float)
  doseMg: number;

  @Field(() => StepStatus)
  status: StepStatus;
}

@ObjectType('TrialHoldStatus')
export class TrialHoldStatusType {
  @Field(() => LocalDate)
  since: string;

  @Field(() => TrialState, { description: 'The state the trial returns to when resumed.' })
  resumesTo: TrialState;
}

/**
 * A trial as of a date, derived by the rules package (deriveTrialStatus) from its recorded events:
 * right whenever it is read, never flipped by a timer (workflows.md).
 */
@ObjectType('TrialStatus', {
  description: 'A trial as of a date, derived from its recorded events by the rules package.',
})
export class TrialStatusType {
  @Field(() => LocalDate)
  asOf: string;

  @Field(() => TrialState)
  state: TrialState;

  @Field(() => Float, { nullable: true, description: 'The nightly dose taken on `asOf`.' })
  currentDoseMg: number | null;

  @Field(() => Float)
  targetDoseMg: number;

  @Field(() => LocalDate, { nullable: true })
  targetReachedOn: string | null;

  @Field(() => NextDoseStepType, { nullable: true })
  nextStep: NextDoseStepType | null;

  @Field(() => AssessmentWindowType, {
    nullable: true,
    description: 'Days on hold do not count: a hold moves the window later.',
  })
  assessmentWindow: AssessmentWindowType | null;

  @Field(() => [TrialActionType])
  actions: TrialActionType[];

  @Field(() => [TimelineStepType], { description: 'Dose steps: past, current, next and projected.' })
  timeline: TimelineStepType[];

  @Field(() => TrialHoldStatusType, { nullable: true })
  onHold: TrialHoldStatusType | null;

  @Field(() => LocalDate, { nullable: true })
  discontinuedOn: string | null;

  @Field(() => Int, { nullable: true })
  daysOnTherapy: number | null;

  @Field(() => Boolean, {
    description:
      'Entered in error: show that instead of `state`; nothing is due (no actions, step or window).',
  })
  enteredInError: boolean;
}
