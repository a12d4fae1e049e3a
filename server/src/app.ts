import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { expressMiddleware } from '@as-integrations/express5';
import type { Database } from '@ldn/db';
import express, { type Express } from 'express';
import { resolveViewer, sessionTokenOf } from './auth/sessions.ts';
import { DEFAULT_THROTTLE, type ThrottlePolicy } from './auth/throttle.ts';
import { createApollo } from './graphql/apollo.ts';
import type { Context } from './graphql/context.ts';
import { Loaders } from './graphql/loaders.ts';
import { createSchema } from './graphql/schema.ts';
import { healthRoutes } from './health/health.routes.ts';
import { isBackgroundRefetch } from './live/background-refetch.ts';
import { ChangeFeed } from './live/change-feed.ts';
import { createLiveServer } from './live/live-server.ts';
import { type Clock, systemClock } from './platform/clock.ts';
import type { Config } from './platform/config.ts';
import { jsonErrors, refuseSourceMaps, securityHeaders } from './platform/http-security.ts';
import type { Logger } from './platform/logger.ts';
import { requestContext } from './platform/request-context.ts';

export interface App {
  express: Express;
  /** Serves the app on a new HTTP server: its requests, and the live WebSocket at /graphql. */
  listen(port: number, host: string, onListening?: () => void): Server;
  /** Closes the live sockets and the database listener, then stops the API. */
  stop(): Promise<void>;
}

/** The HTTP application: health checks, the GraphQL API at /graphql, the portal at /. */
export interface AppOptions {
  db: Database;
  config: Config;
  log: Logger;
  /** Tests fix the clock and loosen the sign-in throttle; production uses the defaults. */
  clock?: Clock;
  throttle?: ThrottlePolicy;
  /** How often a live socket's session is checked again (tests shorten it). */
  liveSessionCheckMs?: number;
}

export async function createApp({
  db,
  config,
  log,
  clock = systemClock(config.timeZone),
  throttle = DEFAULT_THROTTLE,
  liveSessionCheckMs,
}: AppOptions): Promise<App> {
  const app = express();
  app.disable('x-powered-by');
  // Off by default: req.ip is the peer's, so X-Forwarded-For cannot choose the throttled address.
  app.set('trust proxy', config.trustProxy);
  app.use(requestContext(log));
  app.use(securityHeaders(config.production));
  app.use(healthRoutes(db));

  const schema = await createSchema();
  const apollo = await createApollo(log, config.production, schema);
  const feed = await ChangeFeed.start(db, log);
  const live = createLiveServer({
    schema,
    db,
    config,
    clock,
    log,
    feed,
    ...(liveSessionCheckMs === undefined ? {} : { sessionCheckMs: liveSessionCheckMs }),
  });
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req, res }): Promise<Context> => ({
        requestId: req.id,
        log: req.log,
        db,
        prisma: db.prisma,
        config,
        clock,
        throttle,
        viewer: await resolveViewer(db.prisma, sessionTokenOf(req.get('cookie')), config, clock, {
          touch: !isBackgroundRefetch(req),
        }),
        loaders: new Loaders(db.prisma),
        req,
        res,
      }),
    }),
  );

  servePortal(app, config.webDist, config.production);
  app.use(jsonErrors());
  return {
    express: app,
    listen(port, host, onListening) {
      const server = createServer(app);
      server.on('upgrade', live.handleUpgrade);
      return server.listen(port, host, onListening);
    },
    async stop() {
      await live.close();
      await feed.close();
      await apollo.stop();
    },
  };
}

function servePortal(app: Express, webDist: string, production: boolean): void {
  const index = join(webDist, 'index.html');
  app.use(refuseSourceMaps(production));
  app.use(express.static(webDist, { index: false, maxAge: '1h' }));
  // Client-side routes: any other page request gets the portal's shell.
  app.get(/^(?!\/graphql).*/, (_req, res) => {
    if (existsSync(index)) {
      res.setHeader('cache-control', 'no-cache');
      res.sendFile(index);
    } else {
      res.status(503).type('text').send('The portal is not built yet: run `pnpm --filter @ldn/web build`.');
    }
  });
}
