import { useMutation } from 'urql';
import { graphql } from '../../../graphql/index.ts';

/** Records the last dose of a medication; for an opioid the washout counts from it (§3). */
export const StopMedicationMutation = graphql(`
  mutation StopMedication($medicationId: ID!, $stoppedOn: LocalDate!) {
    stopMedication(medicationId: $medicationId, stoppedOn: $stoppedOn) {
      id
      stoppedOn
      active
    }
  }
`);

export const useStopMedication = () => useMutation(StopMedicationMutation);
