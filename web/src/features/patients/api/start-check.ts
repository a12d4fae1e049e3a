import { graphql, type ResultOf } from '../../../graphql/index.ts';
import { useLiveQuery } from '../../../lib/use-live-refetch.ts';
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
  useLiveQuery(
    { query: StartCheckQuery, variables: { patientId, input: { condition, startDate } }, context },
    (change) => change.patientId === patientId,
  );
