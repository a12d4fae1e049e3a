import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { Logger } from '../platform/logger.ts';
import type { Context } from './context.ts';
import { formatError } from './error-boundary.ts';
import { createSchema } from './schema.ts';

/** Depth, cost and alias limits: a query cannot ask the database for everything at once. */
export const QUERY_LIMITS = { maxDepth: 10, maxCost: 5_000, maxAliases: 15, maxTokens: 2_000 } as const;

export async function createApollo(log: Logger, production: boolean): Promise<ApolloServer<Context>> {
  const armor = new ApolloArmor({
    maxDepth: { n: QUERY_LIMITS.maxDepth, ignoreIntrospection: true },
    costLimit: { maxCost: QUERY_LIMITS.maxCost, ignoreIntrospection: true },
    maxAliases: { n: QUERY_LIMITS.maxAliases },
    maxTokens: { n: QUERY_LIMITS.maxTokens },
    // Suggestions ("did you mean …") describe the schema to a stranger; keep them for development.
    blockFieldSuggestion: { enabled: production },
  }).protect();
  const server = new ApolloServer<Context>({
    schema: await createSchema(),
    ...armor,
    // Armor's plugin types come from Apollo's CJS build; they are the same plugins.
    plugins: [...(armor.plugins as ApolloServerPlugin<Context>[])],
    // Refuses requests a browser could send cross-site without a preflight, so a session cookie
    // never authorises a forged request.
    csrfPrevention: true,
    introspection: !production,
    includeStacktraceInErrorResponses: false,
    formatError: formatError(log),
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
