import { useMutation } from 'urql';
import { graphql } from '../../../graphql/index.ts';

/** Lets a deactivated person sign in again (their old sessions stay ended). */
export const ReactivatePersonMutation = graphql(`
  mutation ReactivatePerson($userId: ID!) {
    reactivatePerson(userId: $userId) {
      id
      active
      invitationPending
    }
  }
`);

export const useReactivatePerson = () => useMutation(ReactivatePersonMutation);
