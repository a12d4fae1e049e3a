import { useMutation } from 'urql';
import { graphql } from '../../../graphql/index.ts';

/** The record that the patient is opioid-free (§3), with the last opioid dose the washout counts from. */
export const AttestOpioidFreeMutation = graphql(`
  mutation AttestOpioidFree($patientId: ID!, $input: OpioidFreeAttestationInput!) {
    attestOpioidFree(patientId: $patientId, input: $input) {
      id
      attestedOn
      lastOpioidDrug
      lastOpioidDoseOn
      note
    }
  }
`);

export const useAttestOpioidFree = () => useMutation(AttestOpioidFreeMutation);
