import { PAIN_SCORE_MAX, PAIN_SCORE_MIN } from '@ldn/rules';
import {
  ArrayNotEmpty,
  ArrayUnique,
  IsEnum,
  IsInt,
  IsOptional,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { DrugClassificationInput } from '../drugs/drug.types.ts';
import { DateOf, Text } from '../graphql/input-rules.ts';
import { LocalDate } from '../graphql/scalars.ts';
import { ConsentPoint, SymptomMeasure, TherapyOutcome } from './patient.enums.ts';

// Lengths are the columns' VarChar sizes (prisma/schema.prisma). Dates are LocalDate (real
// calendar days); that they are not in the future is checked against the clinic's clock.
/** A therapy tried before LDN (clinical-rules §2). */
@InputType()
export class PriorTherapyInput {
  @Field(() => String)
  @Text({ max: 200, required: 'Enter the drug.' })
  drug: string;

  @Field(() => DrugClassificationInput, {
    nullable: true,
    description:
      'Only for a name the vocabulary does not recognise (required) or reads as a probable opioid; a recognised drug’s classes come from the vocabulary. Clinicians only.',
  })
  @IsOptional()
  @ValidateNested()
  classification?: DrugClassificationInput | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Text({ max: 100 })
  doseRange?: string | null;

  @Field(() => LocalDate, { nullable: true })
  @DateOf('HISTORY')
  startedOn?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Not before startedOn.' })
  @DateOf('HISTORY')
  endedOn?: string | null;

  @Field(() => TherapyOutcome)
  @IsEnum(TherapyOutcome)
  outcome: TherapyOutcome;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Text({ max: 1000, multiline: true })
  note?: string | null;
}

/** A medication the patient takes; whether it is an opioid is decided by the rules package. */
@InputType()
export class MedicationInput {
  @Field(() => String, { description: 'As prescribed, e.g. "oxycodone/acetaminophen" or "Percocet".' })
  @Text({ max: 200, required: 'Enter the drug.' })
  drug: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Text({ max: 100 })
  dose?: string | null;

  @Field(() => LocalDate, { nullable: true })
  @DateOf('HISTORY')
  startedOn?: string | null;

  @Field(() => DrugClassificationInput, {
    nullable: true,
    description:
      'Only for a name the vocabulary does not recognise (required: its classes and, unless OPIOID, notAnOpioid) or reads as a probable opioid. Clinicians only.',
  })
  @IsOptional()
  @ValidateNested()
  classification?: DrugClassificationInput | null;
}

/** The clinician's record that the patient is opioid-free (clinical-rules §3). */
@InputType()
export class OpioidFreeAttestationInput {
  @Field(() => LocalDate, { description: 'Not in the future.' })
  @DateOf('EVENT')
  attestedOn: string;

  @Field(() => String, { nullable: true, description: 'Given together with lastOpioidDoseOn.' })
  @IsOptional()
  @Text({ max: 200, required: 'Enter the last opioid, or leave it out.' })
  lastOpioidDrug?: string | null;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'Not after attestedOn; the washout counts from it.',
  })
  @DateOf('HISTORY')
  lastOpioidDoseOn?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Text({ max: 1000, multiline: true })
  note?: string | null;
}

/** The points of §7 the patient was told and understood, on a day. */
@InputType()
export class ConsentInput {
  @Field(() => LocalDate, { description: 'Not in the future.' })
  @DateOf('EVENT')
  recordedOn: string;

  @Field(() => [ConsentPoint], { description: 'A start needs all four (CONSENT_MISSING otherwise).' })
  @ArrayNotEmpty({ message: 'Choose the points the patient understood.' })
  @ArrayUnique()
  @IsEnum(ConsentPoint, { each: true })
  points: ConsentPoint[];
}

/** One score of one measure on one day; a measure already scored that day is amended, not recorded again. */
@InputType()
export class SymptomScoreInput {
  @Field(() => SymptomMeasure)
  @IsEnum(SymptomMeasure)
  measure: SymptomMeasure;

  @Field(() => LocalDate, { description: 'Not in the future.' })
  @DateOf('EVENT')
  scoredOn: string;

  // The numeric rating scale of clinical-rules §5, for every measure: the rules package's bounds.
  @Field(() => Int, { description: `A whole number from ${PAIN_SCORE_MIN} to ${PAIN_SCORE_MAX}.` })
  @IsInt()
  @Min(PAIN_SCORE_MIN)
  @Max(PAIN_SCORE_MAX)
  score: number;
}
