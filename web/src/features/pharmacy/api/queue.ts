import { graphql, type ResultOf, type VariablesOf } from '../../../graphql/index.ts';
import { useLiveQuery } from '../../../lib/use-live-refetch.ts';

/**
 * The orders addressed to this pharmacy, in the chosen states, found by Rx number or the patient's
 * name or date of birth; with how many the search finds in each state.
 */
export const PharmacyQueueQuery = graphql(`
  query PharmacyQueue($states: [OrderState!], $search: String, $first: Int!, $after: String) {
    pharmacyQueue(states: $states, search: $search, first: $first, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      counts {
        state
        count
      }
      edges {
        cursor
        node {
          id
          rxNumber
          needBy
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

/** A page of the queue, refetched when an order addressed to the pharmacy changes (a new one arrives). */
export const usePharmacyQueue = (states: OrderState[] | null, search: string | null, after: string | null) =>
  useLiveQuery(
    { query: PharmacyQueueQuery, variables: { states, search, first: QUEUE_PAGE_SIZE, after }, context },
    (change) => change.orderId !== null,
  );
