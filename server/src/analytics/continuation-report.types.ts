import type {
  Condition as ConditionValue,
  DiscontinuationReason as DiscontinuationReasonValue,
  ResponseClass as ResponseClassValue,
} from '@ldn/db';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { LocalDate } from '../graphql/scalars.ts';
import { Condition } from '../patients/patient.enums.ts';
import { DiscontinuationReason, ResponseClass } from '../trials/trial.enums.ts';

// The continuation report's types. De-identified by construction: no field here (or below) names,
// dates or identifies a patient; clinics and prescribers are named (they are not patients).

@ObjectType('ContinuationPoint', {
  description: 'The Kaplan–Meier share still on LDN at a day on therapy, with its 95 % interval.',
})
export class ContinuationPointType {
  @Field(() => Int, { description: 'Days on therapy since the trial start.' })
  day: number;

  @Field(() => Float, { description: 'Share still on LDN (0–1), discontinuations on the day included.' })
  rate: number;

  @Field(() => Float, { description: 'Lower bound: Greenwood variance, log-log transform, 95 %.' })
  lower: number;

  @Field(() => Float, { description: 'Upper bound: Greenwood variance, log-log transform, 95 %.' })
  upper: number;

  @Field(() => Int, { description: 'Trials still followed up on LDN at the start of the day.' })
  atRisk: number;
}

@ObjectType('ContinuationGroup', {
  description: 'Continuation of one condition, clinic or prescriber; suppressed below the minimum size.',
})
export class ContinuationGroupType {
  @Field(() => ID, { description: 'The condition code, clinic id or prescriber id.' })
  key: string;

  @Field(() => String)
  label: string;

  @Field(() => Boolean, {
    description:
      'True when the group has fewer patients than minimumGroupSize, or would give such a group away (the groups add up to the report).',
  })
  suppressed: boolean;

  @Field(() => Boolean, {
    description:
      'True when the rates and the median are hidden (null) because they would reveal a count of fewer than minimumGroupSize patients: the group is suppressed, its discontinued or censored trials are 1–4 patients, or it is hidden beside such a group so that the report minus the shown groups gives nothing away. Null rates or median with this false mean "not reached".',
  })
  survivalSuppressed: boolean;

  @Field(() => Int, { nullable: true })
  trialCount: number | null;

  @Field(() => Int, { nullable: true })
  patientCount: number | null;

  @Field(() => ContinuationPointType, { nullable: true })
  rateAt90: ContinuationPointType | null;

  @Field(() => ContinuationPointType, { nullable: true })
  rateAt123: ContinuationPointType | null;

  @Field(() => ContinuationPointType, { nullable: true })
  rateAt180: ContinuationPointType | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Median days on therapy; null if not reached, or hidden (survivalSuppressed).',
  })
  medianDays: number | null;
}

@ObjectType('DiscontinuationReasonCount')
export class DiscontinuationReasonCountType {
  @Field(() => DiscontinuationReason)
  reason: DiscontinuationReasonValue;

  @Field(() => String)
  label: string;

  @Field(() => Int, { nullable: true, description: 'Trials; null when suppressed (1–4 patients).' })
  count: number | null;

  @Field(() => Boolean)
  suppressed: boolean;
}

@ObjectType('ResponseClassCount', { description: 'Trials whose latest assessment is of the class.' })
export class ResponseClassCountType {
  @Field(() => ResponseClass)
  responseClass: ResponseClassValue;

  @Field(() => Int, { nullable: true, description: 'Trials; null when suppressed (1–4 patients).' })
  count: number | null;

  @Field(() => Boolean)
  suppressed: boolean;
}

@ObjectType('ReferenceFigure', { description: 'A published figure to show beside the network’s own.' })
export class ReferenceFigureType {
  @Field(() => Float)
  value: number;

  @Field(() => [String], { description: "The evidence summary's reference numbers, e.g. ['6']." })
  evidence: string[];
}

@ObjectType('ContinuationReferenceFigures', { description: 'clinical-rules.md §8: VA review [6], [seed].' })
export class ContinuationReferenceFiguresType {
  @Field(() => ReferenceFigureType, { description: 'Mean days on LDN (VA review: 123).' })
  meanDurationDays: ReferenceFigureType;

  @Field(() => ReferenceFigureType, { description: 'Share continuing at follow-up (VA review: about 0.5).' })
  continuingAtFollowUp: ReferenceFigureType;

  @Field(() => ReferenceFigureType, { description: 'Mean pain change, NRS points (VA review: −0.83).' })
  meanPainChange: ReferenceFigureType;

  @Field(() => ReferenceFigureType, { description: 'Share with an adverse effect (0.32).' })
  adverseEffectRate: ReferenceFigureType;
}

@ObjectType('ContinuationFilterApplied', { description: 'The filter the report was computed with.' })
export class ContinuationFilterAppliedType {
  @Field(() => LocalDate, { nullable: true })
  startedFrom: string | null;

  @Field(() => LocalDate, { nullable: true })
  startedTo: string | null;

  @Field(() => [Condition], { description: 'Empty: every condition.' })
  conditions: ConditionValue[];

  @Field(() => [ID], { description: 'Empty: every clinic.' })
  clinicIds: string[];

  @Field(() => [ID], { description: 'Empty: every prescriber.' })
  prescriberIds: string[];
}

@ObjectType('ContinuationReport', {
  description:
    'clinical-rules.md §8 for network administrators: Kaplan–Meier continuation of LDN and outcomes, de-identified.',
})
export class ContinuationReportType {
  @Field(() => LocalDate, { description: 'Active trials are censored at this date.' })
  asOf: string;

  @Field(() => Date)
  computedAt: Date;

  @Field(() => ContinuationFilterAppliedType)
  filter: ContinuationFilterAppliedType;

  @Field(() => Int, { description: 'Groups (and cells) with fewer patients are suppressed.' })
  minimumGroupSize: number;

  @Field(() => Boolean, { description: 'True when the filter leaves too few patients: no figure is shown.' })
  suppressed: boolean;

  @Field(() => Boolean, {
    description:
      'True when the curve, the rates (with their intervals) and the median are hidden — null, the curve empty — because the discontinued or censored trials are suppressed: each Kaplan–Meier step would give them away. Null rates or median with this false mean "not reached".',
  })
  survivalSuppressed: boolean;

  @Field(() => String, { description: 'How the confidence intervals are computed.' })
  confidenceIntervalMethod: string;

  @Field(() => Int, { nullable: true })
  trialCount: number | null;

  @Field(() => Int, { nullable: true })
  patientCount: number | null;

  @Field(() => Int, { nullable: true, description: 'Trials discontinued on or before asOf.' })
  discontinuedCount: number | null;

  @Field(() => Int, { nullable: true, description: 'Trials still on LDN at asOf (censored).' })
  censoredCount: number | null;

  @Field(() => ContinuationPointType, { nullable: true })
  rateAt90: ContinuationPointType | null;

  @Field(() => ContinuationPointType, { nullable: true, description: '123 days: the VA review’s mean.' })
  rateAt123: ContinuationPointType | null;

  @Field(() => ContinuationPointType, { nullable: true })
  rateAt180: ContinuationPointType | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Smallest day with a rate ≤ 0.5; null if not reached, or hidden (survivalSuppressed).',
  })
  medianDays: number | null;

  @Field(() => [ContinuationPointType], {
    description:
      'Day 0, then each day with a discontinuation, while at least minimumGroupSize are at risk; empty when survivalSuppressed.',
  })
  curve: ContinuationPointType[];

  @Field(() => [ContinuationGroupType])
  byCondition: ContinuationGroupType[];

  @Field(() => [ContinuationGroupType])
  byClinic: ContinuationGroupType[];

  @Field(() => [ContinuationGroupType])
  byPrescriber: ContinuationGroupType[];

  @Field(() => [DiscontinuationReasonCountType], { description: 'Trials discontinued on or before asOf.' })
  discontinuationReasons: DiscontinuationReasonCountType[];

  @Field(() => [ResponseClassCountType], {
    description: 'The latest assessment (on or before asOf) of each trial.',
  })
  responseClasses: ResponseClassCountType[];

  @Field(() => Int, { nullable: true, description: 'Trials with an assessment on or before asOf.' })
  assessedCount: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Mean of (latest assessment mean − baseline), NRS points; negative is less pain.',
  })
  meanPainChange: number | null;

  @Field(() => Float, { nullable: true, description: 'Share of trials with an adverse effect (0–1).' })
  adverseEffectRate: number | null;

  @Field(() => ContinuationReferenceFiguresType)
  reference: ContinuationReferenceFiguresType;
}

@ObjectType('ContinuationReportCsv', { description: 'The report as a CSV file to download.' })
export class ContinuationReportCsvType {
  @Field(() => String)
  filename: string;

  @Field(() => String)
  contentType: string;

  @Field(() => String)
  content: string;
}
