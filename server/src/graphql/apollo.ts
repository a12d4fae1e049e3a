import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import { refuseSubscriptionsOverHttp } from '../live/http-subscriptions.ts';
import type { Logger } from '../platform/logger.ts';
import { compiledExecution, type ExecutionOptions } from './compiled-execution.ts';
import type { Context } from './context.ts';
import { formatError } from './error-boundary.ts';
import { limitRefusalAsSuch, QUERY_LIMITS, queryArmor } from './query-limits.ts';

/**
 * Answers hold patient data: no browser or proxy may keep them. Set here rather than by Apollo's
 * cache-control plugin, which is disabled because it wraps every field's resolver to read cache
 * hints we never give (a measurable share of a 480-item worklist's time: issue #16).
 */
const answersAreNeverStored: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        response.http.headers.set('cache-control', 'no-store');
      },
    };
  },
};

export async function createApollo(
  log: Logger,
  production: boolean,
  schema: GraphQLSchema,
  /** The operations' metrics and spans; tests add one that holds a request in flight. */
  observers: ApolloServerPlugin<Context>[] = [],
  /** Compiled, by default; tests compare with graphql-js's answers and watch which one ran. */
  execution: ExecutionOptions = {},
): Promise<ApolloServer<Context>> {
  const armor = queryArmor(production);
  const boundary = formatError(log);
  const server = new ApolloServer<Context>({
    // Our own schema, its operations compiled (compiled-execution.ts).
    gateway: compiledExecution(schema, execution),
    ...armor,
    parseOptions: { maxTokens: QUERY_LIMITS.maxTokens },
    // Armor's plugin types come from Apollo's CJS build; they are the same plugins. No landing
    // page: Apollo's Sandbox loads scripts from a CDN, which the portal's CSP rightly refuses.
    plugins: [
      ...(armor.plugins as ApolloServerPlugin<Context>[]),
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      answersAreNeverStored,
      refuseSubscriptionsOverHttp,
      ...observers,
    ],
    // Refuses requests a browser could send cross-site without a preflight, so a session cookie
    // never authorises a forged request.
    csrfPrevention: true,
    introspection: !production,
    includeStacktraceInErrorResponses: false,
    formatError: (formatted, error) => boundary(limitRefusalAsSuch(formatted), error),
    logger: {
      debug: () => {},
      info: (message) => log.info(message),
      warn: (message) => log.warn(message),
      error: (message) => log.error(message),
    },
  });
  await server.start();
  return server;
}
