import { useMutation } from 'urql';
import { graphql } from '../../../graphql/index.ts';

/** Changes one's own password (the current one is required); one's other sessions end. */
export const ChangeMyPasswordMutation = graphql(`
  mutation ChangeMyPassword($current: String!, $next: String!) {
    changeMyPassword(current: $current, next: $next)
  }
`);

export const useChangeMyPassword = () => useMutation(ChangeMyPasswordMutation);
