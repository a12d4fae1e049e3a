import { useQuery } from 'urql';
import { graphql, type ResultOf } from '../../../graphql/index.ts';
import type { ConditionCode } from './eligibility.ts';
import { PATIENT_RECORD_TYPENAMES } from './patient.ts';

/**
 * Everything for and against a start on a date, all findings at once (rules: checkTrialStart):
 * the patient page reads it for today to explain what is still missing.
 */
export const StartCheckQuery = graphql(`
  query StartCheck($patientId: ID!, $input: TrialStartInput!) {
    trialStartCheck(patientId: $patientId, input: $input) {
      canStart
      outcome
      findings {
        code
        severity
        message
        evidence
      }
      baseline {
        date
        score
      }
    }
  }
`);

export type StartCheck = ResultOf<typeof StartCheckQuery>['trialStartCheck'];

// Any record of the patient may change the answer: therapies, medications, consents, attestations, scores.
const context = { additionalTypenames: PATIENT_RECORD_TYPENAMES };

export const useStartCheck = (patientId: string, condition: ConditionCode, startDate: string) =>
  useQuery({ query: StartCheckQuery, variables: { patientId, input: { condition, startDate } }, context });
