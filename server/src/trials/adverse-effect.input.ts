import { IsOptional } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { DateOf, Text } from '../graphql/input-rules.ts';
import { LocalDate } from '../graphql/scalars.ts';
import { AdverseEffectAction, AdverseEffectKind, AdverseEffectSeverity } from './trial.enums.ts';

/** An adverse effect (§6): reported in 32 % of patients [seed]; no lab tasks follow from it [1][2]. */
@InputType()
export class AdverseEffectInput {
  @Field(() => AdverseEffectKind)
  kind: AdverseEffectKind;

  @Field(() => String, { nullable: true, description: 'Required when kind is OTHER.' })
  @IsOptional()
  @Text({ max: 1000, multiline: true })
  description?: string | null;

  @Field(() => LocalDate, { description: 'On or after the start of the trial.' })
  @DateOf('EVENT')
  onsetOn: string;

  @Field(() => AdverseEffectSeverity)
  severity: AdverseEffectSeverity;

  @Field(() => AdverseEffectAction, {
    description: 'What was done; a hold or a discontinuation is recorded with its own mutation.',
  })
  action: AdverseEffectAction;
}
