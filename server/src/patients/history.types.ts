import type { Consent, Medication } from '@ldn/db';
import { CONSENT_POINTS, checkConsent } from '@ldn/rules';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { isoDateOf, LocalDate } from '../graphql/scalars.ts';
import { ConsentPoint, SymptomMeasure, TherapyClass, TherapyOutcome } from './patient.enums.ts';

/** A therapy tried before LDN, as eligibility reads it (clinical-rules §2). */
@ObjectType('PriorTherapy')
export class PriorTherapyType {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  patientId: string;

  @Field(() => String)
  drug: string;

  @Field(() => [TherapyClass])
  classes: TherapyClass[];

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

/** A medication on the patient's list; `isOpioid` is decided by the rules package, never the client. */
@ObjectType('Medication')
export class MedicationType {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  patientId: string;

  @Field(() => String)
  drug: string;

  @Field(() => String, { nullable: true })
  dose: string | null;

  @Field(() => Boolean, { description: 'An opioid by ingredient or brand (clinical-rules §3, §10).' })
  isOpioid: boolean;

  @Field(() => LocalDate, { nullable: true })
  startedOn: Date | null;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'The last dose; for an opioid the washout counts from it. Null while taken.',
  })
  stoppedOn: Date | null;

  @Field(() => Boolean, { description: 'Still taken: no stop date recorded.' })
  active: boolean;
}

/** A medication row with what the API derives from it. */
export const medicationOf = (row: Medication): MedicationType => ({ ...row, active: row.stoppedOn === null });

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

/** One score of one measure on one day (one row per patient, measure and date). */
@ObjectType('SymptomScore')
export class SymptomScoreType {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  patientId: string;

  @Field(() => SymptomMeasure)
  measure: SymptomMeasure;

  @Field(() => LocalDate)
  scoredOn: Date;

  @Field(() => Int, { description: '0–10.' })
  score: number;
}
