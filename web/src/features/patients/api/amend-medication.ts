import { useMutation } from 'urql';
import { graphql, type VariablesOf } from '../../../graphql/index.ts';
import { RecordMedicationPayloadFields } from './drug-record-fields.ts';

/**
 * Corrects a medication with a reason (the previous values are kept). Sends the version read: a
 * change made meanwhile is refused with CONFLICT. A corrected name is classified again.
 */
export const AmendMedicationMutation = graphql(
  `
  mutation AmendMedication($medicationId: ID!, $version: Int!, $input: MedicationAmendmentInput!, $reason: String!) {
    amendMedication(medicationId: $medicationId, version: $version, input: $input, reason: $reason) {
      ...RecordMedicationPayloadFields
    }
  }
`,
  [RecordMedicationPayloadFields],
);

export type MedicationAmendmentInput = VariablesOf<typeof AmendMedicationMutation>['input'];

export const useAmendMedication = () => useMutation(AmendMedicationMutation);
