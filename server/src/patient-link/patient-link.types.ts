import { DoseTaken } from '@ldn/db';
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { PatientLinkState } from '../access/patient-link-repository.ts';
import { DateOf, Text } from '../graphql/input-rules.ts';
import { LocalDate } from '../graphql/scalars.ts';
import { SymptomMeasure } from '../patients/patient.enums.ts';
import { AdverseEffectKind, AdverseEffectSeverity } from '../trials/trial.enums.ts';

export const PATIENT_LINK_STATES = ['ACTIVE', 'REVOKED', 'EXPIRED', 'LOCKED', 'TRIAL_ENDED'] as const;
const PatientLinkStateEnum = Object.fromEntries(PATIENT_LINK_STATES.map((s) => [s, s])) as {
  [State in PatientLinkState]: State;
};
registerEnumType(PatientLinkStateEnum, {
  name: 'PatientLinkState',
  description:
    'ACTIVE: takes reports. Otherwise why not: revoked, expired, locked (wrong dates of birth), or the trial ended.',
});
registerEnumType(DoseTaken, { name: 'DoseTaken' });

/** A trial's patient link as the clinic sees it: never the token, which is shown once when issued. */
@ObjectType('PatientLink')
export class PatientLinkType {
  @Field(() => ID)
  id: string;

  @Field(() => PatientLinkStateEnum)
  state: PatientLinkState;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => String, { description: 'Who issued it.' })
  createdByName: string;

  @Field(() => Date, { description: 'It stops working then, or earlier when the trial ends.' })
  expiresAt: Date;

  @Field(() => Date, { nullable: true })
  revokedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'Locked after repeated wrong dates of birth.' })
  lockedAt: Date | null;
}

@ObjectType('IssuedPatientLink')
export class IssuedPatientLinkType {
  @Field(() => PatientLinkType)
  link: PatientLinkType;

  @Field(() => String, {
    description: 'The portal path with the token (`/r/…`), shown this once: only its hash is stored.',
  })
  path: string;
}

@ObjectType('ReportGap')
export class ReportGapType {
  @Field(() => LocalDate)
  from: string;

  @Field(() => LocalDate)
  to: string;

  @Field(() => Int)
  evenings: number;
}

/** What the patient's reports say about taking the doses. */
@ObjectType('Adherence')
export class AdherenceType {
  @Field(() => Int, { description: 'Evenings reported with the dose taken.' })
  nightsTaken: number;

  @Field(() => Int)
  nightsNotTaken: number;

  @Field(() => Int, {
    description: 'Nights of LDN dispensed for the trial (days’ supply of dispensed orders).',
  })
  nightsSupplied: number;

  @Field(() => [ReportGapType], { description: 'Evenings in a row with no report, up to yesterday.' })
  gaps: ReportGapType[];

  @Field(() => LocalDate, { nullable: true })
  lastReportedOn: string | null;

  @Field(() => [PatientReportSummaryType], {
    description: 'The current report of each evening, newest first.',
  })
  reports: PatientReportSummaryType[];
}

@ObjectType('PatientReportSummary')
export class PatientReportSummaryType {
  @Field(() => ID)
  id: string;

  @Field(() => LocalDate)
  evening: string;

  @Field(() => Boolean, { description: 'Sent on a later day than the evening (up to 2 days).' })
  late: boolean;

  @Field(() => DoseTaken)
  doseTaken: DoseTaken;

  @Field(() => Float, { nullable: true })
  doseMg: number | null;

  @Field(() => Date)
  submittedAt: Date;
}

/** An evening the patient may report now, and whether it is reported. */
@ObjectType('PatientEvening')
export class PatientEveningType {
  @Field(() => LocalDate)
  evening: string;

  @Field(() => Boolean, { description: 'Not tonight: a late entry (up to 2 days).' })
  late: boolean;

  @Field(() => Boolean)
  reported: boolean;
}

/**
 * The patient's report page. While the link is not ACTIVE, or before this device passed the
 * date-of-birth check, it holds no patient data: only the state and what to do.
 */
@ObjectType('PatientReportPage')
export class PatientReportPageType {
  @Field(() => PatientLinkStateEnum)
  state: PatientLinkState;

  @Field(() => String, { nullable: true, description: 'Why the link does not take reports, in plain words.' })
  message: string | null;

  @Field(() => Boolean, { description: 'This device must give the date of birth first.' })
  needsBirthDate: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'The patient’s first name: all the page shows of them.',
  })
  firstName: string | null;

  @Field(() => Float, { nullable: true, description: 'Tonight’s dose in the trial’s plan.' })
  currentDoseMg: number | null;

  @Field(() => [Float], { description: 'The strengths the patient may say they took, current first.' })
  doseChoices: number[];

  @Field(() => Int, { description: 'Evenings reported so far.' })
  eveningsReported: number;

  @Field(() => [PatientEveningType], { description: 'Tonight, then the 2 evenings a late report may fill.' })
  evenings: PatientEveningType[];
}

@InputType('PatientDoseInput')
export class PatientDoseInput {
  @Field(() => DoseTaken)
  answer: DoseTaken;

  @Field(() => Float, { nullable: true, description: 'The strength taken (TAKEN): one of doseChoices.' })
  doseMg?: number | null;
}

@InputType('PatientScoreInput')
export class PatientScoreInput {
  @Field(() => SymptomMeasure)
  measure: SymptomMeasure;

  @Field(() => Int)
  score: number;
}

@InputType('PatientSideEffectInput')
export class PatientSideEffectInput {
  @Field(() => AdverseEffectKind)
  kind: AdverseEffectKind;

  @Field(() => AdverseEffectSeverity)
  severity: AdverseEffectSeverity;

  @Text({ max: 500, multiline: true })
  @Field(() => String, { nullable: true, description: 'Required for OTHER.' })
  description?: string | null;
}

@InputType('PatientReportInput')
export class PatientReportInput {
  @DateOf('EVENT')
  @Field(() => LocalDate, { description: 'Tonight, or one of the 2 evenings before (late).' })
  evening: string;

  @Field(() => PatientDoseInput)
  dose: PatientDoseInput;

  @Field(() => [PatientScoreInput], { description: 'Pain required; the secondary measures optional.' })
  scores: PatientScoreInput[];

  @Field(() => [PatientSideEffectInput])
  sideEffects: PatientSideEffectInput[];
}
