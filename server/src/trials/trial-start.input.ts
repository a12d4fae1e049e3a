import { FINDING_CODES, type FindingCode, type Override } from '@ldn/rules';
import { ValidateNested } from 'class-validator';
import { Field, Float, InputType } from 'type-graphql';
import { LocalDate } from '../graphql/scalars.ts';
import { Condition } from '../patients/patient.enums.ts';
import { OverrideInput } from './override.input.ts';

/** What a trial start is checked with (trialStartCheck) and started with (startTrial). */
@InputType()
export class TrialStartInput {
  @Field(() => Condition, { description: 'An LDN indication of clinical-rules §1; nothing else exists.' })
  condition: Condition;

  @Field(() => LocalDate)
  startDate: string;

  @Field(() => Float, {
    defaultValue: 1.5,
    description: 'The first nightly dose; 1.5 mg at bedtime [1]. Checked by the dose rules.',
  })
  firstDoseMg: number;

  @Field(() => [OverrideInput], { defaultValue: [], description: 'Reasons for soft stops.' })
  @ValidateNested({ each: true })
  overrides: OverrideInput[];
}

const isFindingCode = (code: string): code is FindingCode => (FINDING_CODES as string[]).includes(code);

/** Override reasons as the rules take them; a code that names no finding cannot override anything. */
export const overridesOf = (overrides: readonly OverrideInput[]): Override[] =>
  overrides.flatMap(({ code, reason }) => (isFindingCode(code) ? [{ code, reason }] : []));
