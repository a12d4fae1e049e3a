import type { Change } from './change.type.ts';
import type { ChangeFeed } from './change-feed.ts';
import type { DatabaseChange } from './database-change.ts';

/** What one subscriber hears of a database change: its view of it, or null for nothing. */
export type Audience = (change: DatabaseChange) => Change | null;

const keyOf = (change: Change) => `${change.entity}:${change.id}`;

/**
 * The changes `audience` hears from `feed`, as an async iterator (what a GraphQL subscription
 * returns). Changes wait in a queue while the socket is slow; a record already waiting is not
 * queued twice (a burst on one record is one event, and the queue stays as small as the records
 * changed). Ending the iterator (the client unsubscribes or the socket closes) stops listening.
 */
export function changesHeard(
  feed: Pick<ChangeFeed, 'onChange'>,
  audience: Audience,
): AsyncIterableIterator<Change> {
  const waiting: Change[] = [];
  const waitingKeys = new Set<string>();
  let wake: ((result: IteratorResult<Change>) => void) | null = null;
  let done = false;

  const stopListening = feed.onChange((databaseChange) => {
    const change = audience(databaseChange);
    if (change === null || done) return;
    if (wake !== null) {
      const resolve = wake;
      wake = null;
      resolve({ value: change, done: false });
      return;
    }
    const key = keyOf(change);
    if (waitingKeys.has(key)) return;
    waitingKeys.add(key);
    waiting.push(change);
  });

  const finish = (): Promise<IteratorResult<Change>> => {
    done = true;
    stopListening();
    waiting.length = 0;
    waitingKeys.clear();
    wake?.({ value: undefined, done: true });
    wake = null;
    return Promise.resolve({ value: undefined, done: true });
  };

  return {
    next() {
      const change = waiting.shift();
      if (change !== undefined) {
        waitingKeys.delete(keyOf(change));
        return Promise.resolve({ value: change, done: false });
      }
      if (done) return Promise.resolve({ value: undefined, done: true });
      return new Promise((resolve) => {
        wake = resolve;
      });
    },
    return: finish,
    throw(error?: unknown) {
      void finish();
      return Promise.reject(error);
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
