import { useQuery } from 'urql';
import { graphql, type ResultOf } from '../../../graphql/index.ts';

/** The organisations a person can be invited to (the form keeps only the active ones). */
export const OrganisationsQuery = graphql(`
  query Organisations {
    organisations {
      id
      name
      kind
      active
    }
  }
`);

export type OrganisationOption = ResultOf<typeof OrganisationsQuery>['organisations'][number];
export type OrganisationKind = OrganisationOption['kind'];

export const useOrganisations = () => useQuery({ query: OrganisationsQuery });
