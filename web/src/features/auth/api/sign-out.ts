import { graphql } from '../../../graphql/index.ts';

/** Ends the session on the server (the cookie is cleared). */
export const SignOutMutation = graphql(`
  mutation SignOut {
    signOut
  }
`);
