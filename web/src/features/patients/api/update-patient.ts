import { useMutation } from 'urql';
import { graphql, type VariablesOf } from '../../../graphql/index.ts';

/** Changes a patient's details; sends the version read, so a change made meanwhile is refused with CONFLICT. */
export const UpdatePatientMutation = graphql(`
  mutation UpdatePatient($id: ID!, $version: Int!, $input: UpdatePatientInput!) {
    updatePatient(id: $id, version: $version, input: $input) {
      id
      version
      givenName
      familyName
      dateOfBirth
      mrn
      email
      phone
      addressLine1
      addressLine2
      city
      region
      postalCode
      allergies
    }
  }
`);

export type UpdatePatientInput = VariablesOf<typeof UpdatePatientMutation>['input'];

export const useUpdatePatient = () => useMutation(UpdatePatientMutation);
