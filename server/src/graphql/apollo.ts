import { ApolloServer } from '@apollo/server';
import type { Logger } from '../platform/logger.ts';
import type { Context } from './context.ts';
import { formatError } from './error-boundary.ts';
import { createSchema } from './schema.ts';

export async function createApollo(log: Logger, production: boolean): Promise<ApolloServer<Context>> {
  const server = new ApolloServer<Context>({
    schema: await createSchema(),
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
