import { useMutation } from 'urql';
import { graphql } from '../../../graphql/index.ts';

/**
 * Refuses a submitted or received order with a coded reason (and a note) the clinic sees. Sends the
 * order's version: a stale one is refused with CONFLICT.
 */
export const RejectOrderMutation = graphql(`
  mutation RejectOrder($input: RejectOrderInput!) {
    rejectOrder(input: $input) {
      id
      state
      version
    }
  }
`);

export const useRejectOrder = () => useMutation(RejectOrderMutation);
