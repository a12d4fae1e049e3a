import { useMutation } from 'urql';
import { graphql } from '../../../graphql/index.ts';

/** Starts compounding a received order (RECEIVED → COMPOUNDING). Sends the order's version: a stale one is refused with CONFLICT. */
export const StartCompoundingMutation = graphql(`
  mutation StartCompounding($input: OrderVersionInput!) {
    startCompounding(input: $input) {
      id
      state
      version
    }
  }
`);

export const useStartCompounding = () => useMutation(StartCompoundingMutation);
