import { useMutation } from 'urql';
import { graphql } from '../../../graphql/index.ts';

/** Sets a new password with a reset link's token; answers the email to sign in with. */
export const ResetPasswordMutation = graphql(`
  mutation ResetPassword($token: String!, $password: String!) {
    resetPassword(token: $token, password: $password) {
      email
    }
  }
`);

export const useResetPassword = () => useMutation(ResetPasswordMutation);
