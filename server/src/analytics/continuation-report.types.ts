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

@ObjectType('ContinuationRate', {
  description:
    'The Kaplan–Meier share still on LDN at a reported day (90, 123, 180), with its 95 % interval; not estimable (rate and interval null) with fewer than minimumAtRisk trials at risk.',
})
export class ContinuationRateType {
  @Field(() => Int, { description: 'Days on therapy since the trial start.' })
  day: number;

  @Field(() => Boolean, {
    description:
      'False when fewer than minimumAtRisk trials are at risk at the day: rate and interval are null.',
  })
  estimable: boolean;

  @Field(() => Float, {
    nullable: true,
    description: 'Share still on LDN (0–1), discontinuations on the day included; null when not estimable.',
  })
  rate: number | null;

  @Field(() => Float, { nullable: true, description: 'Lower bound (95 %); null when not estimable.' })
  lower: number | null;

  @Field(() => Float, { nullable: true, description: 'Upper bound (95 %); null when not estimable.' })
  upper: number | null;

  @Field(() => Int, { description: 'Trials still followed up on LDN at the start of the day.' })
  atRisk: number;
}

@ObjectType('ContinuationCensoring', {
  description: 'A day on which trials still on LDN at asOf end their follow-up: a mark on the curve.',
})
export class ContinuationCensoringType {
  @Field(() => Int)
  day: number;

  @Field(() => Float, { description: 'The share the curve stands at on the day (where the mark sits).' })
  rate: number;

  @Field(() => Int, { description: 'Trials censored on the day.' })
  censored: number;
}

@ObjectType('NumberAtRisk', {
  description: 'Trials still followed up on LDN at the start of a day on therapy.',
})
export class NumberAtRiskType {
  @Field(() => Int)
  day: number;

  @Field(() => Int)
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

  @Field(() => ContinuationRateType, { nullable: true })
  rateAt90: ContinuationRateType | null;

  @Field(() => ContinuationRateType, { nullable: true })
  rateAt123: ContinuationRateType | null;

  @Field(() => ContinuationRateType, { nullable: true })
  rateAt180: ContinuationRateType | null;

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

  @Field(() => Int, {
    description:
      'A rate at a day with fewer trials at risk reads "not estimable" (rules package MINIMUM_AT_RISK).',
  })
  minimumAtRisk: number;

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

  @Field(() => ContinuationRateType, { nullable: true })
  rateAt90: ContinuationRateType | null;

  @Field(() => ContinuationRateType, { nullable: true, description: '123 days: the VA review’s mean.' })
  rateAt123: ContinuationRateType | null;

  @Field(() => ContinuationRateType, { nullable: true })
  rateAt180: ContinuationRateType | null;

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

  @Field(() => [ContinuationCensoringType], {
    description:
      'The days with a censoring, while at least minimumGroupSize are at risk; empty when survivalSuppressed.',
  })
  censorings: ContinuationCensoringType[];

  @Field(() => Int, {
    nullable: true,
    description:
      'The last day the curve is drawn to: the longest follow-up with at least minimumGroupSize at risk; null when survivalSuppressed.',
  })
  followUpDays: number | null;

  @Field(() => [NumberAtRiskType], {
    description:
      'Trials at risk every 30 days from day 0 to followUpDays, shown under the curve; empty when survivalSuppressed.',
  })
  numbersAtRisk: NumberAtRiskType[];

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
