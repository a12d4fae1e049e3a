import { useQuery } from 'urql';
import { graphql, type ResultOf, type VariablesOf } from '../../../graphql/index.ts';

/**
 * What a trial start is checked against, read once for the start page: the patient's histories
 * (the rules' input, assembled by start-trial-input.ts) and the clinic policy. The API has no read
 * of the clinic policy of its own; `trialStartCheck` answers with the policy it would use, so the
 * page asks it for that alone (the findings are computed in the browser as the form changes).
 */
export const StartTrialContextQuery = graphql(`
  query StartTrialContext($patientId: ID!, $probe: TrialStartInput!) {
    patient(id: $patientId) {
      id
      givenName
      familyName
      dateOfBirth
      mrn
      priorTherapies {
        id
        drug
        classes
        outcome
        enteredInError
      }
      medications {
        id
        drug
        stoppedOn
        isOpioid
        enteredInError
      }
      consents {
        id
        recordedOn
        points {
          code
        }
      }
      opioidFreeAttestations {
        id
        attestedOn
        lastOpioidDrug
        lastOpioidDoseOn
      }
      painScores: symptomScores(measure: PAIN_NRS) {
        id
        scoredOn
        score
        enteredInError
      }
      trials {
        id
        endedOn
        enteredInError
        status {
          state
        }
      }
    }
    clinicPolicy: trialStartCheck(patientId: $patientId, input: $probe) {
      policy {
        name
        opioidWashoutDays {
          standard
          methadone
          buprenorphine
        }
        responseThresholdsPercent {
          substantial
          meaningful
          minimal
        }
        overrideReasonMinimumWords
      }
    }
  }
`);

export type StartTrialContext = ResultOf<typeof StartTrialContextQuery>;
export type StartTrialPatient = StartTrialContext['patient'];
export type ConditionCode = VariablesOf<typeof StartTrialContextQuery>['probe']['condition'];

// The patient's histories change the answer (a therapy, a consent, a score recorded elsewhere).
const context = {
  additionalTypenames: ['PriorTherapy', 'Medication', 'Consent', 'OpioidFreeAttestation', 'SymptomScore'],
};

export const useStartTrialContext = (
  patientId: string,
  probe: VariablesOf<typeof StartTrialContextQuery>['probe'],
) => useQuery({ query: StartTrialContextQuery, variables: { patientId, probe }, context });
