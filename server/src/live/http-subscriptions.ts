import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { Context } from '../graphql/context.ts';

/**
 * A subscription POSTed to /graphql is refused (HTTP 400, BAD_REQUEST) before anything runs:
 * it is served over the WebSocket on the same path (live-server.ts), where it can stay open.
 */
export const refuseSubscriptionsOverHttp: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation }) {
        if (operation?.operation === 'subscription') {
          throw new GraphQLError(
            'Subscriptions are served over the WebSocket at /graphql (graphql-transport-ws), not over HTTP.',
            { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } },
          );
        }
      },
    };
  },
};
