import { graphql } from '../../../graphql/index.ts';
import { MedicationFields } from './drug-record-fields.ts';

/**
 * Marks a medication entered in error (clinicians, with a reason): kept and shown struck through,
 * counted nowhere (workflows: corrections). A stale `version` is refused with CONFLICT.
 * No hook of its own: EnteredInErrorForm sends it, as it does every record kind's mark.
 */
export const MarkMedicationEnteredInErrorMutation = graphql(
  `
  mutation MarkMedicationEnteredInError($medicationId: ID!, $version: Int!, $reason: String!) {
    markMedicationEnteredInError(medicationId: $medicationId, version: $version, reason: $reason) {
      ...MedicationFields
    }
  }
`,
  [MedicationFields],
);
