import { useMutation } from 'urql';
import { graphql } from '../../../graphql/index.ts';

/** Records the lot number and beyond-use date (COMPOUNDING → READY). Sends the order's version: a stale one is refused with CONFLICT. */
export const MarkReadyMutation = graphql(`
  mutation MarkReady($input: MarkReadyInput!) {
    markReady(input: $input) {
      id
      state
      version
    }
  }
`);

export const useMarkReady = () => useMutation(MarkReadyMutation);
