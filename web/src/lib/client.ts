import { Client, cacheExchange, fetchExchange, mapExchange } from '@urql/core';
import { isUnauthenticated } from './errors.ts';

/** Operations whose UNAUTHENTICATED answer is expected (a wrong password), not an ended session. */
const SIGN_IN_OPERATIONS: ReadonlySet<string> = new Set(['SignIn', 'SignOut', 'Me']);

function operationNameOf(query: { definitions: readonly unknown[] }): string | undefined {
  for (const definition of query.definitions) {
    const named = definition as { kind?: string; name?: { value?: string } };
    if (named.kind === 'OperationDefinition') return named.name?.value;
  }
  return undefined;
}

export interface ClientOptions {
  /** Called when the API says the session has ended; the session sends the person to sign in. */
  onUnauthenticated(): void;
  url?: string;
}

/**
 * The urql client: POST only (Apollo's CSRF prevention refuses GET), the session cookie sent
 * same-origin, the document cache (mutations refetch the queries that share a __typename).
 */
export function createApiClient({ onUnauthenticated, url = '/graphql' }: ClientOptions): Client {
  return new Client({
    url,
    preferGetMethod: false,
    fetchOptions: { credentials: 'same-origin' },
    exchanges: [
      cacheExchange,
      mapExchange({
        onError(error, operation) {
          const name = operationNameOf(operation.query);
          if (isUnauthenticated(error) && (name === undefined || !SIGN_IN_OPERATIONS.has(name))) {
            onUnauthenticated();
          }
        },
      }),
      fetchExchange,
    ],
  });
}
