import { useMutation } from 'urql';
import { graphql } from '../../../graphql/index.ts';

/** A one-time password reset link (shown once); earlier unused ones stop working. */
export const ResetPasswordLinkMutation = graphql(`
  mutation ResetPasswordLink($userId: ID!) {
    resetPasswordLink(userId: $userId) {
      link
      expiresAt
      person {
        id
        name
      }
    }
  }
`);

export const useResetPasswordLink = () => useMutation(ResetPasswordLinkMutation);
