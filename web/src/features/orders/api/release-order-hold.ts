import { useMutation } from 'urql';
import { graphql } from '../../../graphql/index.ts';

/** Releases a held order back to the state it had, once its trial is active again. Sends the version read. */
export const ReleaseOrderHoldMutation = graphql(`
  mutation ReleaseOrderHold($input: OrderVersionInput!) {
    releaseOrderHold(input: $input) {
      id
      state
      version
    }
  }
`);

export const useReleaseOrderHold = () => useMutation(ReleaseOrderHoldMutation);
