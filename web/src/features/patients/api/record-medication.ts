import { useMutation } from 'urql';
import { graphql, type ResultOf, type VariablesOf } from '../../../graphql/index.ts';
import { RecordMedicationPayloadFields } from './drug-record-fields.ts';

/**
 * A medication the patient takes. The API classifies the name (rules: classifyDrug) and, when an
 * opioid meets an active trial, puts the trial on hold and says so in `findings` (§3). A name the
 * vocabulary does not know needs a clinician's `classification`.
 */
export const RecordMedicationMutation = graphql(
  `
  mutation RecordMedication($patientId: ID!, $input: MedicationInput!) {
    recordMedication(patientId: $patientId, input: $input) {
      ...RecordMedicationPayloadFields
    }
  }
`,
  [RecordMedicationPayloadFields],
);

export type RecordedMedication = ResultOf<typeof RecordMedicationMutation>['recordMedication'];
export type MedicationInput = VariablesOf<typeof RecordMedicationMutation>['input'];

export const useRecordMedication = () => useMutation(RecordMedicationMutation);
