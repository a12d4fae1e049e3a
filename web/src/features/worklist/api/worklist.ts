import { useQuery } from 'urql';
import { graphql, type ResultOf } from '../../../graphql/index.ts';

/** What the clinic needs to do today, sorted by date. */
export const WorklistQuery = graphql(`
  query Worklist {
    worklist {
      code
      date
      message
      orderId
      medicationId
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

export const useWorklist = () => useQuery({ query: WorklistQuery, context });
