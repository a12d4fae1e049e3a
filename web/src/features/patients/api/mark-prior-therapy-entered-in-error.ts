import { graphql } from '../../../graphql/index.ts';
import { PriorTherapyFields } from './drug-record-fields.ts';

/**
 * Marks a prior therapy entered in error (clinicians, with a reason): kept and shown struck
 * through, it stops counting for eligibility. A stale `version` is refused with CONFLICT.
 * No hook of its own: EnteredInErrorForm sends it, as it does every record kind's mark.
 */
export const MarkPriorTherapyEnteredInErrorMutation = graphql(
  `
  mutation MarkPriorTherapyEnteredInError($priorTherapyId: ID!, $version: Int!, $reason: String!) {
    markPriorTherapyEnteredInError(priorTherapyId: $priorTherapyId, version: $version, reason: $reason) {
      ...PriorTherapyFields
    }
  }
`,
  [PriorTherapyFields],
);
