import type { Prisma, PrismaClient } from '@ldn/db';
import { type ClinicPolicy, type ClinicPolicyInput, DEFAULT_POLICY, definePolicy } from '@ldn/rules';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { withRuleInput } from '../platform/rule-decisions.ts';

type Client = PrismaClient | Prisma.TransactionClient;

@ObjectType('OpioidWashoutDays')
class OpioidWashoutDaysType {
  @Field(() => Int)
  standard: number;

  @Field(() => Int)
  methadone: number;

  @Field(() => Int)
  buprenorphine: number;
}

@ObjectType('ResponseThresholdsPercent')
class ResponseThresholdsType {
  @Field(() => Float)
  substantial: number;

  @Field(() => Float)
  meaningful: number;

  @Field(() => Float)
  minimal: number;
}

/**
 * The clinic policy a decision used: values that are not from the evidence but configurable, so
 * the portal must say which policy applied (clinical-rules.md preamble).
 */
@ObjectType('ClinicPolicy')
export class ClinicPolicyType {
  @Field(() => String, { description: 'e.g. "Default (clinical-rules.md)" or the clinic’s own name.' })
  name: string;

  @Field(() => OpioidWashoutDaysType)
  opioidWashoutDays: OpioidWashoutDaysType;

  @Field(() => ResponseThresholdsType)
  responseThresholdsPercent: ResponseThresholdsType;

  @Field(() => Int)
  overrideReasonMinimumWords: number;
}

/**
 * The clinic's policy: the rules package's defaults when the clinic changed nothing (the name says
 * "Default"), else its changes checked by definePolicy (INVALID_POLICY → BAD_USER_INPUT 'policy').
 */
export async function policyOfClinic(client: Client, clinicId: string): Promise<ClinicPolicy> {
  const clinic = await client.organisation.findUniqueOrThrow({
    where: { id: clinicId },
    select: { policy: true },
  });
  return policyFromJson(clinic.policy);
}

/** A stored policy (a clinic's changes, or the policy a trial started under) as the rules take it. */
export function policyFromJson(json: Prisma.JsonValue | null): ClinicPolicy {
  const changesNothing =
    json === null || typeof json !== 'object' || Array.isArray(json) || Object.keys(json).length === 0;
  if (changesNothing) return DEFAULT_POLICY;
  return withRuleInput('policy', () => definePolicy(json as ClinicPolicyInput));
}

/** The policy as stored with a trial: complete, so later rule changes of defaults do not move it. */
export const policyJson = (policy: ClinicPolicy): Prisma.InputJsonObject => ({
  name: policy.name,
  opioidWashoutDays: { ...policy.opioidWashoutDays },
  responseThresholdsPercent: { ...policy.responseThresholdsPercent },
  overrideReasonMinimumWords: policy.overrideReasonMinimumWords,
});
