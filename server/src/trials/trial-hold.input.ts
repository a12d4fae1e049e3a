import { IsOptional } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { DateOf, Text } from '../graphql/input-rules.ts';
import { LocalDate } from '../graphql/scalars.ts';
import { HoldReason } from './trial.enums.ts';

/** Pauses a trial (opioid needed, adverse effect): days on hold do not count as treatment days. */
@InputType()
export class HoldTrialInput {
  @Field(() => LocalDate, { description: 'The first day without LDN; on or after the start.' })
  @DateOf('EVENT')
  heldOn: string;

  @Field(() => HoldReason)
  reason: HoldReason;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Text({ max: 1000, multiline: true })
  note?: string | null;
}

@InputType()
export class ResumeTrialInput {
  @Field(() => LocalDate, { description: 'The day treatment resumed; on or after the hold began.' })
  @DateOf('EVENT')
  resumedOn: string;
}
