import { useQuery } from 'urql';
import { graphql, type ResultOf } from '../../../graphql/index.ts';

/** Every clinic and pharmacy with its details, a clinic's pharmacies, and the version to edit against. */
export const ManagedOrganisationsQuery = graphql(`
  query ManagedOrganisations {
    organisations {
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

export type ManagedOrganisation = ResultOf<typeof ManagedOrganisationsQuery>['organisations'][number];

// An empty list has no __typename to watch: name the type whose changes refetch it.
const context = { additionalTypenames: ['ManagedOrganisation'] };

export const useManagedOrganisations = () => useQuery({ query: ManagedOrganisationsQuery, context });
