import { useMutation } from 'urql';
import { graphql } from '../../../graphql/index.ts';

/** Signs in with email and password; the API sets the httpOnly session cookie. */
export const SignInMutation = graphql(`
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
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

export const useSignIn = () => useMutation(SignInMutation);
