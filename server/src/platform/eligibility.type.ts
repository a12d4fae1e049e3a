import type { EligibilityResult } from '@ldn/rules';
import { Field, ObjectType } from 'type-graphql';
import { TherapyClass } from '../patients/patient.enums.ts';
import { FindingType, findingOf } from './finding.type.ts';

/** One required prior line of therapy (clinical-rules §2, §10), met or not, and what met it. */
@ObjectType('EligibilityRequirement')
export class EligibilityRequirementType {
  @Field(() => String, {
    description:
      'Stable line id: TCA, TCA_OR_SNRI, ANTICONVULSANT, DISEASE_MODIFYING_THERAPY, FIBROMYALGIA_DRUG.',
  })
  line: string;

  @Field(() => Boolean)
  met: boolean;

  @Field(() => String, { nullable: true, description: 'The drug of the first recorded therapy that met it.' })
  metBy: string | null;

  @Field(() => TherapyClass, { nullable: true, description: 'Why that drug met it: its class.' })
  metByClass: TherapyClass | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Where that class came from: VOCABULARY, or RECORDED (a clinician’s, for a name the vocabulary cannot judge).',
  })
  classesFrom: string | null;
}

/** The rules package's checkEligibility result, explainable line by line. Shared by every domain. */
@ObjectType('Eligibility')
export class EligibilityType {
  @Field(() => Boolean)
  eligible: boolean;

  @Field(() => [EligibilityRequirementType])
  requirements: EligibilityRequirementType[];

  @Field(() => [FindingType], { description: 'ELIGIBILITY_PRIOR_LINES_MISSING, LIMITED_EVIDENCE.' })
  findings: FindingType[];
}

export const eligibilityOf = (result: EligibilityResult): EligibilityType => ({
  eligible: result.eligible,
  requirements: result.requirements.map((r) => ({
    line: r.line,
    met: r.met,
    metBy: r.metBy ?? null,
    metByClass: r.metByClass ?? null,
    classesFrom: r.classesFrom ?? null,
  })),
  findings: result.findings.map(findingOf),
});
