import { useMutation } from 'urql';
import { graphql } from '../../../graphql/index.ts';

/** Ends one of one's own sessions (another browser is signed out at its next request). */
export const EndMySessionMutation = graphql(`
  mutation EndMySession($id: ID!) {
    endMySession(id: $id)
  }
`);

export const useEndMySession = () => useMutation(EndMySessionMutation);
