import { useQuery } from 'urql';
import { graphql, type ResultOf } from '../../../graphql/index.ts';

/** One's live sessions (browsers signed in), most recently used first; `current` is this one. */
export const MySessionsQuery = graphql(`
  query MySessions {
    mySessions {
      id
      createdAt
      lastSeenAt
      expiresAt
      userAgent
      current
    }
  }
`);

export type MySession = ResultOf<typeof MySessionsQuery>['mySessions'][number];

// Ending a session answers a Boolean, so nothing in the cache says the list changed: always ask.
export const useMySessions = () => useQuery({ query: MySessionsQuery, requestPolicy: 'network-only' });
