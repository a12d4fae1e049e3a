import { checkEligibility } from '@ldn/rules';
import { Arg, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import { ClinicScope } from '../access/clinic-scope.ts';
import { audit } from '../audit/audit.ts';
import type { Context } from '../graphql/context.ts';
import { EligibilityType, eligibilityOf } from '../platform/eligibility.type.ts';
import { withRuleInput } from '../platform/rule-decisions.ts';
import { countedPriorTherapies } from './medication-records.ts';
import { Condition } from './patient.enums.ts';
import { priorTherapiesOf } from './patient.loaders.ts';

@Resolver()
export class EligibilityResolver {
  /** Clinical-rules §2, explained line by line from the patient's recorded prior therapies. */
  @Authorized('CLINICIAN', 'COORDINATOR')
  @Query(() => EligibilityType)
  async eligibility(
    @Arg('patientId', () => ID) patientId: string,
    @Arg('condition', () => Condition) condition: Condition,
    @Ctx() ctx: Context,
  ): Promise<EligibilityType> {
    const patient = await ClinicScope.of(ctx).patient(patientId);
    const priorTherapies = countedPriorTherapies(await priorTherapiesOf(ctx).load(patient.id));
    await audit(ctx.prisma, ctx, 'READ', 'Patient', patient.id);
    // The enum already keeps out a condition outside §1; this maps a rules input error if one slips by.
    return eligibilityOf(withRuleInput('condition', () => checkEligibility({ condition, priorTherapies })));
  }
}
