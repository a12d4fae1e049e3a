import { Authorized, type PubSub, Resolver, Root, Subscription } from 'type-graphql';
import { Change } from './change.type.ts';
import { changesFor } from './change-subscription.ts';

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
    subscribe: ({ context }) => changesFor(context),
  })
  changes(@Root() change: Change): Change {
    return change;
  }
}
