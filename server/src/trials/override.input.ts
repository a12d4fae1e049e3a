import { IsNotEmpty, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';

/** A clinician's reason to go past a soft stop (clinical-rules preamble); stored with who and when. */
@InputType()
export class OverrideInput {
  @Field(() => String, { description: 'The soft stop finding code, e.g. TITRATION_TOO_FAST.' })
  @IsNotEmpty()
  @MaxLength(60)
  code: string;

  @Field(() => String, { description: 'Free text of at least the clinic policy’s minimum words.' })
  @MaxLength(1000)
  reason: string;
}
