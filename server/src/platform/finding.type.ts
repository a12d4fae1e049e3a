import { FindingSeverity } from '@ldn/db';
import type { RuleFinding } from '@ldn/rules';
import { Field, ObjectType, registerEnumType } from 'type-graphql';

registerEnumType(FindingSeverity, {
  name: 'FindingSeverity',
  description: 'How a finding weighs on the action: refused, refused without a reason, or shown.',
});

/** A rules-package finding as the API returns it (clinical-rules.md preamble). Shared by every domain. */
@ObjectType('Finding')
export class FindingType {
  @Field(() => String, { description: 'Stable code, e.g. OPIOID_STARTED_DURING_TRIAL.' })
  code: string;

  @Field(() => FindingSeverity)
  severity: FindingSeverity;

  @Field(() => String)
  message: string;

  @Field(() => [String], { description: "The evidence summary's reference numbers, e.g. ['7', '8']." })
  evidence: string[];
}

/** A finding of the rules package as a FindingType (the severities are the same words). */
export const findingOf = (finding: RuleFinding): FindingType => ({
  code: finding.code,
  severity: finding.severity,
  message: finding.message,
  evidence: [...finding.evidence],
});

export { FindingSeverity };
