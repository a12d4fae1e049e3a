import { useMutation } from 'urql';
import { graphql, type ResultOf } from '../../../graphql/index.ts';

/**
 * A medication the patient takes. The API decides whether it is an opioid (rules: isOpioid) and,
 * when an opioid meets an active trial, puts the trial on hold and says so in `findings` (§3).
 */
export const RecordMedicationMutation = graphql(`
  mutation RecordMedication($patientId: ID!, $input: MedicationInput!) {
    recordMedication(patientId: $patientId, input: $input) {
      medication {
        id
        drug
        dose
        startedOn
        stoppedOn
        active
        isOpioid
      }
      findings {
        code
        severity
        message
        evidence
      }
      trialsPutOnHold {
        id
        heldOn
      }
    }
  }
`);

export type RecordedMedication = ResultOf<typeof RecordMedicationMutation>['recordMedication'];

export const useRecordMedication = () => useMutation(RecordMedicationMutation);
