import { useMutation, useQuery } from 'urql';
import { graphql, type ResultOf, type VariablesOf } from '../../../graphql/index.ts';

/** Every FHIR API token, newest first, with its status; never a token itself. */
export const ApiTokensQuery = graphql(`
  query ApiTokens {
    apiTokens {
      id
      name
      status
      createdByName
      createdAt
      expiresAt
      lastUsedAt
      revokedAt
      revokedByName
      organisation {
        id
        name
        kind
      }
    }
  }
`);

export type ApiTokenRow = ResultOf<typeof ApiTokensQuery>['apiTokens'][number];

// An empty list has no __typename to watch: name the type whose changes refetch it.
const context = { additionalTypenames: ['ApiToken'] };

export const useApiTokens = () => useQuery({ query: ApiTokensQuery, context });

/** Issues a read-only token for one clinic or pharmacy; the answer holds the token, shown once. */
export const IssueApiTokenMutation = graphql(`
  mutation IssueApiToken($input: IssueApiTokenInput!) {
    issueApiToken(input: $input) {
      token
      apiToken {
        id
        name
        expiresAt
        organisation {
          id
          name
        }
      }
    }
  }
`);

export type IssueApiTokenInput = VariablesOf<typeof IssueApiTokenMutation>['input'];
export type IssuedApiToken = ResultOf<typeof IssueApiTokenMutation>['issueApiToken'];

export const useIssueApiToken = () => useMutation(IssueApiTokenMutation);

/** Stops a token for good (the list refetches: the answer is an ApiToken). */
export const RevokeApiTokenMutation = graphql(`
  mutation RevokeApiToken($id: ID!) {
    revokeApiToken(id: $id) {
      id
      status
      revokedAt
      revokedByName
    }
  }
`);

export const useRevokeApiToken = () => useMutation(RevokeApiTokenMutation);
