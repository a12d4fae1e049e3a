import { Client, cacheExchange, fetchExchange, mapExchange, type OperationContext } from '@urql/core';
import { isUnauthenticated } from './errors.ts';
import { createLiveTransport, type LiveTransport } from './live.ts';

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

const FETCH_OPTIONS: RequestInit = { credentials: 'same-origin' };

/**
 * How a screen refetches when a live change concerns it: from the network, marked as the
 * portal's doing, not the person's (a live refetch does not keep the session from idling out;
 * server: live/background-refetch.ts).
 */
export const LIVE_REFETCH: Partial<OperationContext> = {
  requestPolicy: 'network-only',
  fetchOptions: { ...FETCH_OPTIONS, headers: { 'x-ldn-background': 'live' } },
};

const liveTransports = new WeakMap<Client, LiveTransport>();

/** The live socket of `client`, if it has one (not where there is no WebSocket). */
export const liveTransportOf = (client: Client): LiveTransport | undefined => liveTransports.get(client);

/**
 * The urql client: POST only (Apollo's CSRF prevention refuses GET), the session cookie sent
 * same-origin, the document cache (mutations refetch the queries that share a __typename), and
 * subscriptions over the live socket.
 */
export function createApiClient({ onUnauthenticated, url = '/graphql' }: ClientOptions): Client {
  const live = createLiveTransport({ url, onSessionEnded: onUnauthenticated });
  const client = new Client({
    url,
    preferGetMethod: false,
    fetchOptions: FETCH_OPTIONS,
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
      ...(live === null ? [] : [live.exchange]),
    ],
  });
  if (live !== null) liveTransports.set(client, live);
  return client;
}
