import { graphql, type ResultOf } from '../../../graphql/index.ts';
import { useLiveQuery } from '../../../lib/use-live-refetch.ts';

/** What the clinic needs to do today, sorted by date; each item says who can act on it. */
export const WorklistQuery = graphql(`
  query Worklist {
    worklist {
      code
      date
      message
      orderId
      medicationId
      actionableBy
      waitsFor
      inbox
      preparedBy
      preparedAt
      trial {
        id
        condition
        status {
          state
        }
        patient {
          id
          givenName
          familyName
          mrn
        }
      }
    }
  }
`);

export type WorklistItem = ResultOf<typeof WorklistQuery>['worklist'][number];

// An empty worklist has no __typename to watch: name the types whose changes refetch it.
const context = { additionalTypenames: ['WorklistItem', 'Trial', 'ClinicOrder', 'Medication'] };

/** Today's items, refetched on any change in the clinic (every change heard is the clinic's). */
export const useWorklist = () => useLiveQuery({ query: WorklistQuery, context }, () => true);
