import { useMutation } from 'urql';
import { graphql, type VariablesOf } from '../../../graphql/index.ts';

/** Adds a person without a password; answers the one-time invitation link (shown once). */
export const InvitePersonMutation = graphql(`
  mutation InvitePerson($input: InvitePersonInput!) {
    invitePerson(input: $input) {
      link
      expiresAt
      person {
        id
        name
        email
        role
        npi
        active
        invitationPending
        organisation {
          id
          name
          kind
        }
      }
    }
  }
`);

export type InvitePersonInput = VariablesOf<typeof InvitePersonMutation>['input'];
export type Role = InvitePersonInput['role'];

export const useInvitePerson = () => useMutation(InvitePersonMutation);
