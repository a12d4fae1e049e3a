import type { Consent, Medication, PriorTherapy, SymptomScore } from '@ldn/db';
import { CONSENT_POINTS, checkConsent } from '@ldn/rules';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { EnteredInErrorFields, enteredInErrorFieldsOf } from '../corrections/entered-in-error.type.ts';
import { ClassificationSource, DrugRecognition } from '../drugs/drug.enums.ts';
import { isoDateOf, LocalDate } from '../graphql/scalars.ts';
import { ConsentPoint, RecordSource, SymptomMeasure, TherapyClass, TherapyOutcome } from './patient.enums.ts';

/**
 * What a medication or a prior therapy keeps about its drug (clinical-rules §11) and about its
 * corrections: the concept recognised, the vocabulary version, who classified it, entered in error.
 */
@ObjectType()
export abstract class DrugRecordFields {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  patientId: string;

  @Field(() => String, { description: 'The name as entered.' })
  drug: string;

  @Field(() => [TherapyClass], {
    description: 'From the vocabulary, or the clinician’s for a name it cannot judge.',
  })
  classes: TherapyClass[];

  @Field(() => [String], { description: 'The ingredients the vocabulary recognised (canonical names).' })
  ingredients: string[];

  @Field(() => DrugRecognition)
  recognition: DrugRecognition;

  @Field(() => String, {
    nullable: true,
    description: 'PROBABLE: the opioid it is probably a misspelling of.',
  })
  suggestion: string | null;

  @Field(() => String, { description: 'The vocabulary version the classification was made with.' })
  vocabularyVersion: string;

  @Field(() => ClassificationSource)
  classifiedBy: ClassificationSource;

  classifiedById: string | null;

  @Field(() => Date, { nullable: true, description: 'When a clinician classified it (CLINICIAN only).' })
  classifiedAt: Date | null;

  @Field(() => Boolean, { description: 'Entered in error: shown struck through, counted nowhere.' })
  enteredInError: boolean;

  @Field(() => Date, { nullable: true })
  enteredInErrorAt: Date | null;

  enteredInErrorById: string | null;

  @Field(() => String, { nullable: true })
  enteredInErrorReason: string | null;

  @Field(() => Int, { description: 'For amendments: the version the change was based on.' })
  version: number;
}

/** A therapy tried before LDN, as eligibility reads it (clinical-rules §2, §11). */
@ObjectType('PriorTherapy')
export class PriorTherapyType extends DrugRecordFields {
  @Field(() => String, { nullable: true, description: 'Free text, e.g. "25–100 mg".' })
  doseRange: string | null;

  @Field(() => LocalDate, { nullable: true })
  startedOn: Date | null;

  @Field(() => LocalDate, { nullable: true })
  endedOn: Date | null;

  @Field(() => TherapyOutcome)
  outcome: TherapyOutcome;

  @Field(() => String, { nullable: true })
  note: string | null;
}

/** A prior-therapy row with what the API derives from it. */
export const priorTherapyOf = (row: PriorTherapy): PriorTherapyType => ({
  ...row,
  enteredInError: row.enteredInErrorAt !== null,
});

/** A medication on the patient's list; `isOpioid` comes from its classification, never the client. */
@ObjectType('Medication')
export class MedicationType extends DrugRecordFields {
  @Field(() => String, { nullable: true })
  dose: string | null;

  @Field(() => Boolean, {
    description:
      'A recognised or probable opioid, or one a clinician classed as such (clinical-rules §3, §11).',
  })
  isOpioid: boolean;

  @Field(() => LocalDate, { nullable: true })
  startedOn: Date | null;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'The last dose; for an opioid the washout counts from it. Null while taken.',
  })
  stoppedOn: Date | null;

  @Field(() => Boolean, { description: 'Still taken: no stop date recorded, and not entered in error.' })
  active: boolean;

  @Field(() => Boolean, {
    description: 'A newer vocabulary found an opioid here during an active trial: a clinician reviews it.',
  })
  needsReview: boolean;
}

/** A medication row with what the API derives from it. */
export const medicationOf = (row: Medication): MedicationType => ({
  ...row,
  enteredInError: row.enteredInErrorAt !== null,
  active: row.stoppedOn === null && row.enteredInErrorAt === null,
});

/** The clinician's record that the patient is opioid-free (clinical-rules §3). */
@ObjectType('OpioidFreeAttestation')
export class OpioidFreeAttestationType {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  patientId: string;

  @Field(() => LocalDate)
  attestedOn: Date;

  @Field(() => String, { nullable: true })
  lastOpioidDrug: string | null;

  @Field(() => LocalDate, { nullable: true })
  lastOpioidDoseOn: Date | null;

  @Field(() => String, { nullable: true })
  note: string | null;
}

/** One point of §7 with the words the patient was told. */
@ObjectType('ConsentPointStatement')
export class ConsentPointStatementType {
  @Field(() => ConsentPoint)
  code: ConsentPoint;

  @Field(() => String)
  text: string;

  @Field(() => [String])
  evidence: string[];
}

export const consentPointStatementOf = (code: ConsentPoint): ConsentPointStatementType => ({
  code,
  text: CONSENT_POINTS[code].text,
  evidence: [...CONSENT_POINTS[code].evidence],
});

/** What the patient was recorded as understanding on a day (clinical-rules §7). */
@ObjectType('Consent')
export class ConsentType {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  patientId: string;

  @Field(() => LocalDate)
  recordedOn: Date;

  @Field(() => [ConsentPointStatementType], { description: 'The points recorded, with their text.' })
  points: ConsentPointStatementType[];

  @Field(() => Boolean, { description: 'All four points of §7 are covered (CONSENT_MISSING otherwise).' })
  complete: boolean;
}

export function consentOf(row: Consent): ConsentType {
  const recordedOn = isoDateOf(row.recordedOn);
  return {
    id: row.id,
    patientId: row.patientId,
    recordedOn: row.recordedOn,
    points: row.points.map(consentPointStatementOf),
    // The rules package decides what complete means; checked as of the day it was recorded.
    complete: checkConsent({ recordedOn, points: row.points }, recordedOn).length === 0,
  };
}

/**
 * One score of one measure on one day (one counted score per patient, measure and date), entered
 * in error or not. Who recorded it and its amendments: symptom-score.resolver.ts.
 */
@ObjectType('SymptomScore')
export class SymptomScoreType extends EnteredInErrorFields {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  patientId: string;

  @Field(() => SymptomMeasure)
  measure: SymptomMeasure;

  @Field(() => LocalDate)
  scoredOn: Date;

  @Field(() => Int, {
    description: '0–10; which end is better depends on the measure (the rules’ SYMPTOM_SCALES).',
  })
  score: number;

  recordedById: string | null;

  @Field(() => RecordSource, {
    description: 'CLINIC, or PATIENT: reported by the patient at home (issue #19).',
  })
  source: RecordSource;

  @Field(() => Date, { description: 'When it was recorded.' })
  createdAt: Date;

  @Field(() => Int, { description: 'For corrections: the version the change was based on.' })
  version: number;
}

/** A score row as the API answers it. */
export const symptomScoreOf = (row: SymptomScore): SymptomScoreType => ({
  ...row,
  ...enteredInErrorFieldsOf(row),
});
