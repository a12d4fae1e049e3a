import { useMutation } from 'urql';
import { graphql, type VariablesOf } from '../../../graphql/index.ts';

/** Registers a patient of the viewer's clinic; a medical record number already in use is refused on `mrn`. */
export const RegisterPatientMutation = graphql(`
  mutation RegisterPatient($input: RegisterPatientInput!) {
    registerPatient(input: $input) {
      id
      givenName
      familyName
      dateOfBirth
      mrn
    }
  }
`);

export type RegisterPatientInput = VariablesOf<typeof RegisterPatientMutation>['input'];

export const useRegisterPatient = () => useMutation(RegisterPatientMutation);
