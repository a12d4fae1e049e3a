import { useMutation } from 'urql';
import { graphql, type VariablesOf } from '../../../graphql/index.ts';

/**
 * Changes a clinic's or pharmacy's details. Sends the version shown: if someone changed it since,
 * the API refuses with CONFLICT.
 */
export const UpdateOrganisationMutation = graphql(`
  mutation UpdateOrganisation($id: ID!, $version: String, $input: UpdateOrganisationInput!) {
    updateOrganisation(id: $id, version: $version, input: $input) {
      id
      kind
      name
      addressLine1
      addressLine2
      city
      region
      postalCode
      phone
      licenceNumber
      defaultPharmacy {
        id
        name
      }
      allowedPharmacies {
        id
        name
      }
      active
      version
    }
  }
`);

export type UpdateOrganisationInput = VariablesOf<typeof UpdateOrganisationMutation>['input'];

export const useUpdateOrganisation = () => useMutation(UpdateOrganisationMutation);
