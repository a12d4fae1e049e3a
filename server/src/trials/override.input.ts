import { Field, InputType } from 'type-graphql';
import { Text } from '../graphql/input-rules.ts';

/** A clinician's reason to go past a soft stop (clinical-rules preamble); stored with who and when. */
@InputType()
export class OverrideInput {
  @Field(() => String, { description: 'The soft stop finding code, e.g. TITRATION_TOO_FAST.' })
  @Text({ max: 60, required: 'Enter the finding code.' })
  code: string;

  @Field(() => String, { description: 'Free text of at least the clinic policy’s minimum words.' })
  @Text({ max: 1000, multiline: true })
  reason: string;
}
