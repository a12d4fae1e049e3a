import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { Logger } from '../platform/logger.ts';
import type { Context } from './context.ts';
import { formatError } from './error-boundary.ts';
import { limitRefusalAsSuch, QUERY_LIMITS } from './query-limits.ts';
import { createSchema } from './schema.ts';

export async function createApollo(log: Logger, production: boolean): Promise<ApolloServer<Context>> {
  const armor = new ApolloArmor({
    maxDepth: { n: QUERY_LIMITS.maxDepth, ignoreIntrospection: true },
    costLimit: { maxCost: QUERY_LIMITS.maxCost, ignoreIntrospection: true },
    maxAliases: { n: QUERY_LIMITS.maxAliases },
    // The token limit is graphql-js's own (parseOptions below): see query-limits.ts.
    maxTokens: { enabled: false },
    // Suggestions ("did you mean …") describe the schema to a stranger; keep them for development.
    blockFieldSuggestion: { enabled: production },
  }).protect();
  const boundary = formatError(log);
  const server = new ApolloServer<Context>({
    schema: await createSchema(),
    ...armor,
    parseOptions: { maxTokens: QUERY_LIMITS.maxTokens },
    // Armor's plugin types come from Apollo's CJS build; they are the same plugins. No landing
    // page: Apollo's Sandbox loads scripts from a CDN, which the portal's CSP rightly refuses.
    plugins: [...(armor.plugins as ApolloServerPlugin<Context>[]), ApolloServerPluginLandingPageDisabled()],
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
