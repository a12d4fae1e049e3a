import { FINDING_CODES, type FindingCode, type Override, START_DOSE_MG } from '@ldn/rules';
import { Equals, ValidateNested } from 'class-validator';
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

  // The rules package builds every schedule (plan, status, titration pack) from the 1.5 mg start
  // of [1]; another first dose would leave the stored trial and its schedule disagreeing.
  @Field(() => Float, {
    defaultValue: START_DOSE_MG,
    description: `The first nightly dose: ${START_DOSE_MG} mg at bedtime [1], the only start the schedule is built from; any other → BAD_USER_INPUT.`,
  })
  @Equals(START_DOSE_MG, { message: `LDN starts at ${START_DOSE_MG} mg at bedtime [1].` })
  firstDoseMg: number;

  @Field(() => [OverrideInput], { defaultValue: [], description: 'Reasons for soft stops.' })
  @ValidateNested({ each: true })
  overrides: OverrideInput[];
}

const isFindingCode = (code: string): code is FindingCode => (FINDING_CODES as string[]).includes(code);

/** Override reasons as the rules take them; a code that names no finding cannot override anything. */
export const overridesOf = (overrides: readonly OverrideInput[]): Override[] =>
  overrides.flatMap(({ code, reason }) => (isFindingCode(code) ? [{ code, reason }] : []));
