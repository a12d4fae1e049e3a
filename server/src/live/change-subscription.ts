import { unauthenticated } from '../platform/errors.ts';
import type { Change } from './change.type.ts';
import { audienceOf } from './change-audience.ts';
import { changesHeard } from './change-stream.ts';
import { isLiveContext } from './live-context.ts';

/**
 * The source of the `changes` subscription: the socket's feed, filtered to what its viewer may
 * read. type-graphql hands a subscription's source the context itself (no parameter decorators),
 * so the socket's repositories are reached here, outside the resolver file.
 */
export async function changesFor(context: unknown): Promise<AsyncIterableIterator<Change>> {
  // Over HTTP the request is refused before it gets here (http-subscriptions.ts).
  if (!isLiveContext(context)) throw unauthenticated();
  const changes = changesHeard(context.changes, audienceOf(context.repositories, context.viewer));
  // Ids only and no record read: one row says who listened, from which socket. Written once
  // listening, so the row's presence means nothing committed after it goes unheard. The system's
  // repository writes it: the listener may belong to any kind of organisation.
  try {
    await context.repositories.system().audit('SUBSCRIBE', 'Change', null);
  } catch (error) {
    await changes.return?.();
    throw error;
  }
  return changes;
}
