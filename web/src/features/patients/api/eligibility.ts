import { graphql, type VariablesOf } from '../../../graphql/index.ts';
import { useLiveQuery } from '../../../lib/use-live-refetch.ts';

/** Each required prior line of therapy for a condition: met or not, and by which therapy (§2). */
export const EligibilityQuery = graphql(`
  query Eligibility($patientId: ID!, $condition: Condition!) {
    eligibility(patientId: $patientId, condition: $condition) {
      eligible
      requirements {
        line
        met
        metBy
        metByClass
        classesFrom
      }
      findings {
        code
        severity
        message
        evidence
      }
    }
  }
`);

export type ConditionCode = VariablesOf<typeof EligibilityQuery>['condition'];

// A change to the patient's therapies (a PriorTherapy) changes the answer.
const context = { additionalTypenames: ['PriorTherapy'] };

export const useEligibility = (patientId: string, condition: ConditionCode) =>
  useLiveQuery(
    { query: EligibilityQuery, variables: { patientId, condition }, context },
    (change) => change.patientId === patientId,
  );
