import { useMutation } from 'urql';
import { graphql } from '../../../graphql/index.ts';
import { RecordMedicationPayloadFields } from './drug-record-fields.ts';

/**
 * A clinician confirms that a medication a newer vocabulary reads as an opioid is one
 * (POSSIBLE_OPIOID_REVIEW): an active trial goes on hold as for a recorded opioid (§3, §11).
 */
export const ConfirmPossibleOpioidMutation = graphql(
  `
  mutation ConfirmPossibleOpioid($medicationId: ID!, $version: Int!) {
    confirmPossibleOpioid(medicationId: $medicationId, version: $version) {
      ...RecordMedicationPayloadFields
    }
  }
`,
  [RecordMedicationPayloadFields],
);

export const useConfirmPossibleOpioid = () => useMutation(ConfirmPossibleOpioidMutation);
