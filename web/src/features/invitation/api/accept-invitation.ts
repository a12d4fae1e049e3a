import { useMutation } from 'urql';
import { graphql } from '../../../graphql/index.ts';

/** Sets the first password with an invitation link's token; answers the email to sign in with. */
export const AcceptInvitationMutation = graphql(`
  mutation AcceptInvitation($token: String!, $password: String!) {
    acceptInvitation(token: $token, password: $password) {
      email
    }
  }
`);

export const useAcceptInvitation = () => useMutation(AcceptInvitationMutation);
