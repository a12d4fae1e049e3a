import { useMutation } from 'urql';
import { graphql, type VariablesOf } from '../../../graphql/index.ts';

/** Adds a clinic or a compounding pharmacy (a pharmacy needs its licence number). */
export const CreateOrganisationMutation = graphql(`
  mutation CreateOrganisation($input: CreateOrganisationInput!) {
    createOrganisation(input: $input) {
      id
      kind
      name
      version
    }
  }
`);

export type CreateOrganisationInput = VariablesOf<typeof CreateOrganisationMutation>['input'];

export const useCreateOrganisation = () => useMutation(CreateOrganisationMutation);
