import { classificationIsOpioid, type DrugClassification, type DrugSearchHit } from '@ldn/rules';
import { ArrayMaxSize, IsBoolean, IsEnum, IsOptional } from 'class-validator';
import { Field, InputType, ObjectType } from 'type-graphql';
import { TherapyClass } from '../patients/patient.enums.ts';
import { DrugRecognition } from './drug.enums.ts';

/** What the vocabulary makes of a typed name, before anything is saved (clinical-rules §11). */
@ObjectType('DrugClassification')
export class DrugClassificationType {
  @Field(() => DrugRecognition)
  status: DrugRecognition;

  @Field(() => [String], { description: 'Canonical ingredient names; of the suggestion too when PROBABLE.' })
  ingredients: string[];

  @Field(() => [TherapyClass])
  classes: TherapyClass[];

  @Field(() => Boolean, {
    description: 'A recognised or probable opioid: blocks a start and an attestation.',
  })
  isOpioid: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'PROBABLE: the opioid it is probably a misspelling of; UNRECOGNISED: a near name, if any.',
  })
  suggestion: string | null;

  @Field(() => [String], { description: 'The vocabulary concepts found, by canonical name.' })
  matched: string[];

  @Field(() => [String], { description: 'Words that matched nothing (units, forms and directions aside).' })
  unmatchedWords: string[];

  @Field(() => String)
  vocabularyVersion: string;
}

export function drugClassificationOf(
  classification: DrugClassification,
  version: string,
): DrugClassificationType {
  return {
    status: classification.status,
    ingredients: classification.ingredients,
    classes: classification.classes,
    isOpioid: classificationIsOpioid(classification),
    suggestion: classification.suggestion ?? null,
    matched: classification.matched,
    unmatchedWords: classification.unmatchedWords,
    vocabularyVersion: version,
  };
}

/** One row of the type-ahead: a name as written and the concept behind it. */
@ObjectType('DrugSearchHit')
export class DrugSearchHitType {
  @Field(() => String, { description: 'The name, synonym or alias that matched, e.g. "Tylenol #3".' })
  term: string;

  @Field(() => String, { description: 'The canonical name of the concept.' })
  name: string;

  @Field(() => String, { description: 'INGREDIENT or PRODUCT.' })
  kind: string;

  @Field(() => [String])
  ingredients: string[];

  @Field(() => [TherapyClass])
  classes: TherapyClass[];

  @Field(() => Boolean)
  isOpioid: boolean;

  @Field(() => String, { nullable: true, description: 'RxNorm ingredient RxCUI, where verified.' })
  rxcui: string | null;
}

export const drugSearchHitOf = (hit: DrugSearchHit): DrugSearchHitType => ({
  term: hit.term,
  name: hit.concept.name,
  kind: hit.concept.kind,
  ingredients: [...hit.concept.ingredients],
  classes: [...hit.concept.classes],
  isOpioid: hit.isOpioid,
  rxcui: hit.concept.rxcui ?? null,
});

/** The classes a clinician states for a name the vocabulary cannot judge (clinical-rules §11). */
@InputType()
export class DrugClassificationInput {
  @Field(() => [TherapyClass], { description: 'At least one; OPIOID when it is one.' })
  @ArrayMaxSize(Object.keys(TherapyClass).length)
  @IsEnum(TherapyClass, { each: true })
  classes: TherapyClass[];

  @Field(() => Boolean, {
    nullable: true,
    description: 'A current medication without the class OPIOID needs this explicit confirmation.',
  })
  @IsOptional()
  @IsBoolean()
  notAnOpioid?: boolean | null;
}
