import { useQuery } from 'urql';
import { graphql, type ResultOf } from '../../../graphql/index.ts';
import { MedicationFields, PriorTherapyFields } from './drug-record-fields.ts';

/** A patient's record as the clinic reads it (the read is audited by the API). */
export const PatientQuery = graphql(
  `
  query Patient($id: ID!) {
    patient(id: $id) {
      id
      version
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
        ...PriorTherapyFields
      }
      medications {
        ...MedicationFields
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
        note
      }
      symptomScores {
        id
        measure
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
`,
  [PriorTherapyFields, MedicationFields],
);

export type PatientRecord = ResultOf<typeof PatientQuery>['patient'];
export type MedicationRecord = PatientRecord['medications'][number];
export type PriorTherapyRecord = PatientRecord['priorTherapies'][number];

// The record's lists may be empty, and an empty list names no type: say which types a mutation
// of this page answers with, so the document cache refetches the record after each of them.
export const PATIENT_RECORD_TYPENAMES = [
  'Patient',
  'PriorTherapy',
  'Medication',
  'Consent',
  'OpioidFreeAttestation',
  'SymptomScore',
];
const context = { additionalTypenames: PATIENT_RECORD_TYPENAMES };

export const usePatient = (id: string) => useQuery({ query: PatientQuery, variables: { id }, context });
