import { IsEnum, IsOptional, ValidateNested } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { DrugClassificationInput } from '../drugs/drug.types.ts';
import { DateOf, Text } from '../graphql/input-rules.ts';
import { LocalDate } from '../graphql/scalars.ts';
import { TherapyOutcome } from './patient.enums.ts';

// Corrections of medications and prior therapies (workflows.md): only the fields sent change; the
// previous values and the reason are kept in RecordAmendment. Lengths are the columns' sizes.

/** What a correction of any drug record may change: its name, and with it the classification. */
// Not an input of the schema of its own: no argument takes it (type-graphql emits only types in use).
@InputType('DrugRecordAmendmentInput')
abstract class DrugRecordAmendmentFields {
  @Field(() => String, {
    nullable: true,
    description: 'A corrected name; classified again by the vocabulary.',
  })
  @IsOptional()
  @Text({ max: 200, required: 'Enter the drug.' })
  drug?: string | null;

  @Field(() => DrugClassificationInput, {
    nullable: true,
    description:
      'For a name the vocabulary does not recognise or reads as a probable opioid. Clinicians only.',
  })
  @IsOptional()
  @ValidateNested()
  classification?: DrugClassificationInput | null;
}

@InputType()
export class MedicationAmendmentInput extends DrugRecordAmendmentFields {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Text({ max: 100 })
  dose?: string | null;

  @Field(() => LocalDate, { nullable: true })
  @DateOf('HISTORY')
  startedOn?: string | null;
}

@InputType()
export class PriorTherapyAmendmentInput extends DrugRecordAmendmentFields {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Text({ max: 100 })
  doseRange?: string | null;

  @Field(() => LocalDate, { nullable: true })
  @DateOf('HISTORY')
  startedOn?: string | null;

  @Field(() => LocalDate, { nullable: true })
  @DateOf('HISTORY')
  endedOn?: string | null;

  @Field(() => TherapyOutcome, { nullable: true })
  @IsOptional()
  @IsEnum(TherapyOutcome)
  outcome?: TherapyOutcome | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Text({ max: 1000, multiline: true })
  note?: string | null;
}
