import { useMutation } from 'urql';
import { graphql } from '../../../graphql/index.ts';

/** Acknowledges a submitted order (SUBMITTED → RECEIVED). Sends the order's version: a stale one is refused with CONFLICT. */
export const AcknowledgeOrderMutation = graphql(`
  mutation AcknowledgeOrder($input: OrderVersionInput!) {
    acknowledgeOrder(input: $input) {
      id
      state
      version
    }
  }
`);

export const useAcknowledgeOrder = () => useMutation(AcknowledgeOrderMutation);
