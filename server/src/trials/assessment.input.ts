import { IsOptional } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { DateOf, Text } from '../graphql/input-rules.ts';
import { LocalDate } from '../graphql/scalars.ts';
import { AssessmentDecision, DiscontinuationReason } from './trial.enums.ts';

/** A response assessment (§5), 4–8 weeks at the target dose [2]. */
@InputType()
export class AssessResponseInput {
  @Field(() => LocalDate, { description: 'The pain scores of the 7 days ending on it make the response.' })
  @DateOf('EVENT')
  assessedOn: string;

  @Field(() => AssessmentDecision)
  decision: AssessmentDecision;

  @Field(() => DiscontinuationReason, { nullable: true, description: 'Required with DISCONTINUE (§8).' })
  @IsOptional()
  discontinuationReason?: DiscontinuationReason | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Text({ max: 1000, multiline: true })
  note?: string | null;
}

/** Ends a trial at any time with a reason of §8 (time on therapy ends here). */
@InputType()
export class DiscontinueTrialInput {
  @Field(() => LocalDate, { description: 'On or after the start.' })
  @DateOf('EVENT')
  discontinuedOn: string;

  @Field(() => DiscontinuationReason)
  reason: DiscontinuationReason;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Text({ max: 1000, multiline: true })
  note?: string | null;
}
