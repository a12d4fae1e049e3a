import { useMutation } from 'urql';
import { graphql } from '../../../graphql/index.ts';

/** Rewrites a DRAFT (its lines recomputed). Sends the version read: a stale one is refused with CONFLICT. */
export const UpdateOrderDraftMutation = graphql(`
  mutation UpdateOrderDraft($order: OrderVersionInput!, $input: OrderInput!) {
    updateOrderDraft(order: $order, input: $input) {
      id
      state
      version
    }
  }
`);

export const useUpdateOrderDraft = () => useMutation(UpdateOrderDraftMutation);
