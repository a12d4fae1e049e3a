import { useMutation } from 'urql';
import { graphql } from '../../../graphql/index.ts';

/** Stops a person signing in and ends their sessions. */
export const DeactivatePersonMutation = graphql(`
  mutation DeactivatePerson($userId: ID!) {
    deactivatePerson(userId: $userId) {
      id
      active
      invitationPending
    }
  }
`);

export const useDeactivatePerson = () => useMutation(DeactivatePersonMutation);
