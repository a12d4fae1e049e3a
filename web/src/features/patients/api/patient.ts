import { useQuery } from 'urql';
import { graphql, type ResultOf } from '../../../graphql/index.ts';

/** A patient's record as the clinic reads it (the read is audited by the API). */
export const PatientQuery = graphql(`
  query Patient($id: ID!) {
    patient(id: $id) {
      id
      givenName
      familyName
      dateOfBirth
      mrn
      email
      phone
      addressLine1
      addressLine2
      city
      region
      postalCode
      allergies
      priorTherapies {
        id
        drug
        classes
        doseRange
        startedOn
        endedOn
        outcome
        note
      }
      medications {
        id
        drug
        dose
        startedOn
        stoppedOn
        active
        isOpioid
      }
      consents {
        id
        recordedOn
        complete
        points {
          code
          text
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
      }
      trials {
        id
        condition
        startDate
        endedOn
        status {
          state
          currentDoseMg
        }
      }
    }
  }
`);

export type PatientRecord = ResultOf<typeof PatientQuery>['patient'];

export const usePatient = (id: string) => useQuery({ query: PatientQuery, variables: { id } });
