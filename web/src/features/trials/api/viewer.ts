import { useQuery } from 'urql';
import { graphql, type ResultOf } from '../../../graphql/index.ts';

/** The signed-in person's role: which of a trial's actions the page offers (the API checks it again). */
export const TrialViewerQuery = graphql(`
  query TrialViewer {
    me {
      id
      role
    }
  }
`);

export type ViewerRole = NonNullable<ResultOf<typeof TrialViewerQuery>['me']>['role'];

export const useTrialViewer = () => useQuery({ query: TrialViewerQuery });
