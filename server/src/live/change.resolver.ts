import { Authorized, type PubSub, Resolver, Root, Subscription } from 'type-graphql';
import { audit } from '../audit/audit.ts';
import { unauthenticated } from '../platform/errors.ts';
import { Change } from './change.type.ts';
import { audienceOf } from './change-audience.ts';
import { changesHeard } from './change-stream.ts';
import { isLiveContext } from './live-context.ts';

/**
 * type-graphql wants a PubSub in any schema with a subscription. `changes` names its own source
 * (the socket's feed, below), so this one is never asked for a topic.
 */
export const NO_TOPICS: PubSub = {
  publish: () => {},
  subscribe: () => {
    throw new Error('subscriptions here take their source from the live context');
  },
};

@Resolver()
export class ChangeResolver {
  /** Every change to a record the viewer may read, as it is committed (over the WebSocket only). */
  @Authorized()
  @Subscription(() => Change, {
    description:
      'Records written from now on that you may read, by id: refetch what you show when one concerns it. ' +
      'Over the WebSocket at /graphql (graphql-transport-ws), never over HTTP.',
    subscribe: async ({ context }) => {
      // Over HTTP the request is refused before it gets here (http-subscriptions.ts).
      if (!isLiveContext(context)) throw unauthenticated();
      const changes = changesHeard(context.changes, audienceOf(context.viewer, context.prisma));
      // Ids only and no record read: one row says who listened, from which socket. Written once
      // listening, so the row's presence means nothing committed after it goes unheard.
      try {
        await audit(context.prisma, context, 'SUBSCRIBE', 'Change', null);
      } catch (error) {
        await changes.return?.();
        throw error;
      }
      return changes;
    },
  })
  changes(@Root() change: Change): Change {
    return change;
  }
}
