import type { AnyVariables, OperationContext } from '@urql/core';
import { useEffect, useRef } from 'react';
import { type UseQueryArgs, type UseQueryResponse, useClient, useQuery, useSubscription } from 'urql';
import { graphql, type ResultOf } from '../graphql/index.ts';
import { LIVE_REFETCH, liveTransportOf } from './client.ts';

/** Every record written that the signed-in person may read, by id (the API's `changes`). */
export const ChangesSubscription = graphql(`
  subscription Changes {
    changes {
      entity
      id
      patientId
      trialId
      orderId
    }
  }
`);

export type LiveChange = ResultOf<typeof ChangesSubscription>['changes'];

/** A burst of changes (a transaction writes several records) is one refetch after this long. */
export const LIVE_REFETCH_DELAY_MS = 100;

/**
 * Keeps a screen current: when a change `concerns` it arrives, or the live socket comes back
 * after a loss (changes may have been missed), calls `refetch` with a network-only context —
 * once per burst. Every screen shares one subscription (urql deduplicates it).
 */
export function useLiveRefetch(
  concerns: (change: LiveChange) => boolean,
  refetch: (context: Partial<OperationContext>) => void,
): void {
  // The latest of each, so a re-render (new closures) neither resubscribes nor refetches stale.
  const latest = useRef({ concerns, refetch });
  latest.current = { concerns, refetch };
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const schedule = useRef(() => {
    if (timer.current !== undefined) return;
    timer.current = setTimeout(() => {
      timer.current = undefined;
      latest.current.refetch(LIVE_REFETCH);
    }, LIVE_REFETCH_DELAY_MS);
  }).current;

  const client = useClient();
  const live = liveTransportOf(client);
  // The handler sees every change, even several arriving in one render. No socket (no WebSocket
  // here): the screen is as it was before live updates, current on each visit.
  useSubscription({ query: ChangesSubscription, pause: live === undefined }, (_previous: undefined, data) => {
    if (latest.current.concerns(data.changes)) schedule();
    return undefined;
  });
  useEffect(() => live?.onReconnected(schedule), [live, schedule]);
  useEffect(() => () => clearTimeout(timer.current), []);
}

/**
 * `useQuery`, kept current: refetched when a change `concerns` what it shows (given the change
 * and the data on screen), and after the live socket comes back.
 */
export function useLiveQuery<Data, Variables extends AnyVariables = AnyVariables>(
  args: UseQueryArgs<Variables, Data>,
  concerns: (change: LiveChange, data: Data | undefined) => boolean,
): UseQueryResponse<Data, Variables> {
  const response = useQuery<Data, Variables>(args);
  const data = response[0].data;
  useLiveRefetch((change) => concerns(change, data), response[1]);
  return response;
}
