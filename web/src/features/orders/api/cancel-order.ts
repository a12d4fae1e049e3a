import { useMutation } from 'urql';
import { graphql } from '../../../graphql/index.ts';

/** Withdraws a DRAFT, SUBMITTED or RECEIVED order with a reason. Sends the version read: a stale one is refused with CONFLICT. */
export const CancelOrderMutation = graphql(`
  mutation CancelOrder($input: ReasonedOrderInput!) {
    cancelOrder(input: $input) {
      id
      state
      version
    }
  }
`);

export const useCancelOrder = () => useMutation(CancelOrderMutation);
