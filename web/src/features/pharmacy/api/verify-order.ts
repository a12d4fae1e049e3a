import { useMutation } from 'urql';
import { graphql } from '../../../graphql/index.ts';

/**
 * A second pharmacist's check of a READY order before it is dispensed; the order stays READY. The
 * pharmacist who compounded it is refused (FORBIDDEN); a stale version with CONFLICT.
 */
export const VerifyOrderMutation = graphql(`
  mutation VerifyOrder($input: OrderVersionInput!) {
    verifyOrder(input: $input) {
      id
      state
      version
    }
  }
`);

export const useVerifyOrder = () => useMutation(VerifyOrderMutation);
