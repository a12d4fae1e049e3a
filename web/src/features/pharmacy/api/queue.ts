import { useQuery } from 'urql';
import { graphql, type ResultOf, type VariablesOf } from '../../../graphql/index.ts';

/** The orders addressed to this pharmacy, in the chosen states. */
export const PharmacyQueueQuery = graphql(`
  query PharmacyQueue($states: [OrderState!], $first: Int!, $after: String) {
    pharmacyQueue(states: $states, first: $first, after: $after) {
      hasNextPage
      endCursor
      edges {
        cursor
        node {
          id
          state
          version
          kind
          formulation
          delivery
          clinicName
          prescriberName
          submittedAt
          totalDaysSupply
          patient {
            givenName
            familyName
            dateOfBirth
          }
        }
      }
    }
  }
`);

export type OrderState = NonNullable<VariablesOf<typeof PharmacyQueueQuery>['states']>[number];
export type QueueOrder = ResultOf<typeof PharmacyQueueQuery>['pharmacyQueue']['edges'][number]['node'];

export const QUEUE_PAGE_SIZE = 50;
// An empty queue has no __typename to watch: name the type whose changes refetch it.
const context = { additionalTypenames: ['PharmacyOrder'] };

export const usePharmacyQueue = (states: OrderState[] | null, after: string | null) =>
  useQuery({ query: PharmacyQueueQuery, variables: { states, first: QUEUE_PAGE_SIZE, after }, context });
