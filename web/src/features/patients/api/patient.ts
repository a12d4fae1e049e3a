import { graphql, type ResultOf } from '../../../graphql/index.ts';
import { useLiveQuery } from '../../../lib/use-live-refetch.ts';
import { MedicationFields, PriorTherapyFields } from './drug-record-fields.ts';
import { SymptomScoreFields } from './symptom-score-fields.ts';

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
        ...SymptomScoreFields
      }
      trials {
        id
        condition
        startDate
        endedOn
        enteredInError
        status {
          state
          currentDoseMg
        }
      }
    }
  }
`,
  [PriorTherapyFields, MedicationFields, SymptomScoreFields],
);

export type PatientRecord = ResultOf<typeof PatientQuery>['patient'];
export type MedicationRecord = PatientRecord['medications'][number];
export type PriorTherapyRecord = PatientRecord['priorTherapies'][number];
export type SymptomScoreRecord = PatientRecord['symptomScores'][number];

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

/** The patient's record, refetched when any of it changes (its trials and orders included). */
export const usePatient = (id: string) =>
  useLiveQuery({ query: PatientQuery, variables: { id }, context }, (change) => change.patientId === id);
