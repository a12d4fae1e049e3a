import { checkEligibility } from '@ldn/rules';
import { Arg, Authorized, ID, Query, Resolver } from 'type-graphql';
import { CLINIC_ROLES } from '../access/action-roles.ts';
import type { ClinicRepository } from '../access/clinic-repository.ts';
import { ClinicRepo } from '../access/repository-decorators.ts';
import { EligibilityType, eligibilityOf } from '../platform/eligibility.type.ts';
import { withRuleInput } from '../platform/rule-decisions.ts';
import { countedPriorTherapies } from './medication-records.ts';
import { Condition } from './patient.enums.ts';
import { priorTherapiesOf } from './patient.loaders.ts';

@Resolver()
export class EligibilityResolver {
  /** Clinical-rules §2, explained line by line from the patient's recorded prior therapies. */
  @Authorized(...CLINIC_ROLES)
  @Query(() => EligibilityType)
  async eligibility(
    @Arg('patientId', () => ID) patientId: string,
    @Arg('condition', () => Condition) condition: Condition,
    @ClinicRepo() scope: ClinicRepository,
  ): Promise<EligibilityType> {
    const patient = await scope.patient(patientId);
    const priorTherapies = countedPriorTherapies(await priorTherapiesOf(scope).load(patient.id));
    await scope.audit('READ', 'Patient', patient.id);
    // The enum already keeps out a condition outside §1; this maps a rules input error if one slips by.
    return eligibilityOf(withRuleInput('condition', () => checkEligibility({ condition, priorTherapies })));
  }
}
