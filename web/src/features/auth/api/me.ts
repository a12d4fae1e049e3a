import { graphql, type ResultOf } from '../../../graphql/index.ts';

/** The signed-in person, or null: the session bootstrap asks this once at start. */
export const MeQuery = graphql(`
  query Me {
    me {
      id
      name
      email
      role
      organisation {
        id
        name
        kind
      }
    }
  }
`);

export type Me = NonNullable<ResultOf<typeof MeQuery>['me']>;
export type Role = Me['role'];
