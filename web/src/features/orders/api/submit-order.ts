import { useMutation } from 'urql';
import { graphql } from '../../../graphql/index.ts';

/**
 * A clinician signs and sends a DRAFT to the pharmacy (DRAFT → SUBMITTED). Sends the version read
 * (stale → CONFLICT) and an idempotency key (the same key again returns the same order).
 */
export const SubmitOrderMutation = graphql(`
  mutation SubmitOrder($input: SubmitOrderInput!) {
    submitOrder(input: $input) {
      id
      state
      version
    }
  }
`);

export const useSubmitOrder = () => useMutation(SubmitOrderMutation);
