import { IsInt, IsOptional, Min, ValidateNested } from 'class-validator';
import { Field, Float, InputType, Int } from 'type-graphql';
import { DateOf, Text } from '../graphql/input-rules.ts';
import { LocalDate } from '../graphql/scalars.ts';
import { OverrideInput } from './override.input.ts';

/** A new nightly dose from a date: a step up, a hold (the same dose again) or a step down (§4). */
@InputType()
export class DoseChangeInput {
  @Field(() => LocalDate, { description: 'The first night of the new dose; after the previous change.' })
  @DateOf('EVENT')
  changedOn: string;

  @Field(() => Float, { description: 'mg per night; checked by the dose rules (≤ 4.5 mg, steps of 0.5 mg).' })
  doseMg: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Text({ max: 1000, multiline: true })
  note?: string | null;

  @Field(() => [OverrideInput], { defaultValue: [], description: 'A reason for TITRATION_TOO_FAST.' })
  @ValidateNested({ each: true })
  overrides: OverrideInput[];

  @Field(() => Int, { nullable: true, description: 'The trial version read; a stale one → CONFLICT.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number | null;
}

/** A lower target when 4.5 mg is not tolerated (§4); the trial is at target from when it began. */
@InputType()
export class MaintenanceDoseInput {
  @Field(() => Float, { description: 'mg per night, below 4.5 mg and a multiple of 0.5 mg.' })
  doseMg: number;

  @Field(() => LocalDate)
  @DateOf('EVENT')
  declaredOn: string;
}
