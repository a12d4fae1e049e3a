import { useMutation } from 'urql';
import { graphql } from '../../../graphql/index.ts';

/** Gives a person another role of their organisation (a clinician needs an NPI); audited. */
export const ChangeRoleMutation = graphql(`
  mutation ChangeRole($userId: ID!, $role: Role!, $npi: String) {
    changeRole(userId: $userId, role: $role, npi: $npi) {
      id
      role
      npi
    }
  }
`);

export const useChangeRole = () => useMutation(ChangeRoleMutation);
