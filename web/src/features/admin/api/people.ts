import { useQuery } from 'urql';
import { graphql, type ResultOf } from '../../../graphql/index.ts';

/** Everyone who signs in (or is invited to), by name, with their organisation. */
export const PeopleQuery = graphql(`
  query People {
    people {
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
`);

export type PersonRow = ResultOf<typeof PeopleQuery>['people'][number];

// An empty list has no __typename to watch: name the type whose changes refetch it.
const context = { additionalTypenames: ['Person'] };

export const usePeople = () => useQuery({ query: PeopleQuery, context });
