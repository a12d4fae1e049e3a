import { useMutation } from 'urql';
import { graphql } from '../../../graphql/index.ts';

/** Hands over or ships a ready order (READY → DISPENSED). Sends the order's version: a stale one is refused with CONFLICT. */
export const DispenseOrderMutation = graphql(`
  mutation DispenseOrder($input: DispenseOrderInput!) {
    dispenseOrder(input: $input) {
      id
      state
      version
    }
  }
`);

export const useDispenseOrder = () => useMutation(DispenseOrderMutation);
