import type { AdverseEffect, Assessment, DoseChange, Override, TrialHold, TrialWarning } from '@ldn/db';
import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType } from 'type-graphql';
import { EnteredInErrorFields, enteredInErrorFieldsOf } from '../corrections/entered-in-error.type.ts';
import { isoDateOf, LocalDate } from '../graphql/scalars.ts';
import { RecordSource } from '../patients/patient.enums.ts';
import { FindingSeverity } from '../platform/finding.type.ts';
import {
  AdverseEffectAction,
  AdverseEffectKind,
  AdverseEffectSeverity,
  AssessmentDecision,
  DiscontinuationReason,
  HoldReason,
  ResponseClass,
  TrialState,
} from './trial.enums.ts';

// The recorded events of a trial, as the trial page shows them. Names of people are resolved by
// loaders from the ids (TrialEventsResolver), so a list of events costs one query per kind. Dose
// changes, adverse effects and assessments entered in error are listed too, marked so (struck
// through); the rules never count them (trial-events.ts).

/** A dose recorded after the start; the same dose again is a hold of the titration (§4). */
@ObjectType('DoseChange')
export class DoseChangeType extends EnteredInErrorFields {
  @Field(() => ID)
  id: string;

  @Field(() => LocalDate)
  changedOn: string;

  @Field(() => Float)
  doseMg: number;

  @Field(() => String, { nullable: true })
  note: string | null;

  prescribedById: string;
}

export const doseChangeOf = (row: DoseChange): DoseChangeType => ({
  id: row.id,
  changedOn: isoDateOf(row.changedOn),
  doseMg: row.doseMg.toNumber(),
  note: row.note,
  prescribedById: row.prescribedById,
  ...enteredInErrorFieldsOf(row),
});

@ObjectType('TrialHold')
export class TrialHoldType {
  @Field(() => ID)
  id: string;

  @Field(() => LocalDate)
  heldOn: string;

  @Field(() => HoldReason)
  reason: HoldReason;

  @Field(() => String, { nullable: true })
  note: string | null;

  @Field(() => TrialState, { description: 'The state the trial returns to on resume.' })
  stateBefore: TrialState;

  @Field(() => LocalDate, { nullable: true, description: 'Null while the hold is open.' })
  resumedOn: string | null;
}

export const holdOf = (row: TrialHold): TrialHoldType => ({
  id: row.id,
  heldOn: isoDateOf(row.heldOn),
  reason: row.reason,
  note: row.note,
  stateBefore: row.stateBefore,
  resumedOn: row.resumedOn === null ? null : isoDateOf(row.resumedOn),
});

/** A soft stop the clinician overrode: the reason, who gave it and when (clinical-rules preamble). */
@ObjectType('Override')
export class OverrideType {
  @Field(() => ID)
  id: string;

  @Field(() => String, {
    description: 'The action it allowed: TRIAL_START, DOSE_CHANGE, ORDER_CREATE, ORDER_EDIT.',
  })
  action: string;

  @Field(() => String, { description: 'The finding code overridden, e.g. TITRATION_TOO_FAST.' })
  code: string;

  @Field(() => String)
  reason: string;

  @Field(() => GraphQLISODateTime)
  givenAt: Date;

  givenById: string;
}

export const overrideOf = (row: Override): OverrideType => ({ ...row });

/** A warning that let an action through; shown with the trial (e.g. LIMITED_EVIDENCE). */
@ObjectType('TrialWarning')
export class TrialWarningType {
  @Field(() => String)
  action: string;

  @Field(() => String)
  code: string;

  @Field(() => FindingSeverity)
  severity: FindingSeverity;

  @Field(() => String)
  message: string;

  @Field(() => [String])
  evidence: string[];

  @Field(() => GraphQLISODateTime)
  createdAt: Date;
}

export const warningOf = (row: TrialWarning): TrialWarningType => ({ ...row, severity: 'WARNING' });

@ObjectType('AdverseEffect')
export class AdverseEffectType extends EnteredInErrorFields {
  @Field(() => ID)
  id: string;

  @Field(() => AdverseEffectKind)
  kind: AdverseEffectKind;

  @Field(() => String, { nullable: true, description: 'Required for OTHER.' })
  description: string | null;

  @Field(() => LocalDate)
  onsetOn: string;

  @Field(() => AdverseEffectSeverity)
  severity: AdverseEffectSeverity;

  @Field(() => AdverseEffectAction)
  action: AdverseEffectAction;

  @Field(() => RecordSource, {
    description: 'PATIENT: reported by the patient at home, to review (issue #19).',
  })
  source: RecordSource;

  @Field(() => Date, { nullable: true, description: 'When a clinic user reviewed a patient’s report of it.' })
  reviewedAt: Date | null;
}

export const adverseEffectOf = (row: AdverseEffect): AdverseEffectType => ({
  ...row,
  onsetOn: isoDateOf(row.onsetOn),
  ...enteredInErrorFieldsOf(row),
});

/** A response assessment (§5): the response from baseline and the decision taken. */
@ObjectType('Assessment')
export class AssessmentType extends EnteredInErrorFields {
  @Field(() => ID)
  id: string;

  @Field(() => LocalDate)
  assessedOn: string;

  @Field(() => Int)
  baselineScore: number;

  @Field(() => Float, { description: 'Mean pain score of the 7 days ending on the assessment.' })
  meanScore: number;

  @Field(() => Float, { description: '(baseline − mean) / baseline; positive when pain fell.' })
  relativeReduction: number;

  @Field(() => ResponseClass)
  responseClass: ResponseClass;

  @Field(() => AssessmentDecision)
  decision: AssessmentDecision;

  @Field(() => DiscontinuationReason, { nullable: true })
  discontinuationReason: DiscontinuationReason | null;

  @Field(() => String, { nullable: true })
  note: string | null;

  assessedById: string;
}

export const assessmentOf = (row: Assessment): AssessmentType => ({
  ...row,
  assessedOn: isoDateOf(row.assessedOn),
  meanScore: row.meanScore.toNumber(),
  relativeReduction: row.relativeReduction.toNumber(),
  ...enteredInErrorFieldsOf(row),
});
