import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import type { ApolloServerPlugin } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import type { Database } from '@ldn/db';
import express, { type Express } from 'express';
import { dataAccessSlot, enterViewerOrganisation } from './access/data-access.ts';
import { systemRepositoryOf } from './access/system-repository.ts';
import { sessionTokenOf } from './auth/sessions.ts';
import { DEFAULT_THROTTLE, type ThrottlePolicy } from './auth/throttle.ts';
import { fhirBody, fhirRouter } from './fhir/fhir.router.ts';
import { createApollo } from './graphql/apollo.ts';
import type { ExecutionOptions } from './graphql/compiled-execution.ts';
import type { Context } from './graphql/context.ts';
import { contextOf } from './graphql/context-of.ts';
import { createSchema } from './graphql/schema.ts';
import { healthRoutes } from './health/health.routes.ts';
import { isBackgroundRefetch } from './live/background-refetch.ts';
import { ChangeFeed } from './live/change-feed.ts';
import { createLiveServer } from './live/live-server.ts';
import { Metrics } from './observability/metrics.ts';
import { graphqlSpans, observeOperations } from './observability/operations.ts';
import { type Clock, systemClock } from './platform/clock.ts';
import type { Config } from './platform/config.ts';
import { jsonErrors, refuseSourceMaps, securityHeaders } from './platform/http-security.ts';
import { RequestGate } from './platform/in-flight.ts';
import type { Logger } from './platform/logger.ts';
import { requestContext } from './platform/request-context.ts';

export interface App {
  express: Express;
  /** Its Prometheus metrics, which main.ts serves on METRICS_PORT. */
  metrics: Metrics;
  /** Serves the app on a new HTTP server: its requests, and the live WebSocket at /graphql. */
  listen(port: number, host: string, onListening?: () => void): Server;
  /** The start of a shutdown: /readyz answers 503 from now on, and the live sockets are closed (1001). */
  drain(): Promise<void>;
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
  /** Apollo plugins added to the app's own (tests hold a request in flight with one). */
  plugins?: ApolloServerPlugin<Context>[];
  /** How operations over HTTP are executed: compiled by default (tests compare both ways). */
  execution?: ExecutionOptions;
}

export async function createApp({
  db,
  config,
  log,
  clock = systemClock(config.timeZone),
  throttle = DEFAULT_THROTTLE,
  liveSessionCheckMs,
  plugins = [],
  execution,
}: AppOptions): Promise<App> {
  const app = express();
  app.disable('x-powered-by');
  // Off by default: req.ip is the peer's, so X-Forwarded-For cannot choose the throttled address.
  app.set('trust proxy', config.trustProxy);
  app.use(requestContext(log));
  const gate = new RequestGate(config.maxRequestsInFlight);
  // Node's own metrics (CPU, memory, event loop) only where they are served.
  const metrics = new Metrics({ db, gate, processMetrics: config.metricsPort !== undefined });
  app.use(metrics.http());
  let draining = false;
  app.use(securityHeaders(config.production));
  app.use(healthRoutes(db, () => draining));

  const services = { db, config, clock, throttle };
  const schema = await createSchema();
  const apollo = await createApollo(
    log,
    config.production,
    schema,
    [observeOperations(metrics), ...plugins],
    execution,
  );
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
    gate.handler,
    express.json({ limit: '1mb' }),
    graphqlSpans(),
    dataAccessSlot,
    expressMiddleware(apollo, {
      context: async ({ req, res }): Promise<Context> => {
        // system: the session cookie is looked up before anyone is known.
        const system = systemRepositoryOf(db, req.id);
        const viewer = enterViewerOrganisation(
          await system.viewerOfSession(sessionTokenOf(req.get('cookie')), config, clock, {
            touch: !isBackgroundRefetch(req),
          }),
        );
        return contextOf(services, req, res, viewer);
      },
    }),
  );

  app.use('/fhir/R4', gate.handler, fhirBody(), dataAccessSlot, fhirRouter({ ...services, schema }));
  // Served on METRICS_PORT only, never to the public (rather than the portal's page for an unknown path).
  app.all('/metrics', (_req, res) => {
    res.status(404).json({ error: 'Not found' });
  });
  servePortal(app, config.webDist, config.production);
  app.use(jsonErrors());
  return {
    express: app,
    metrics,
    listen(port, host, onListening) {
      const server = createServer(app);
      server.on('upgrade', live.handleUpgrade);
      return server.listen(port, host, onListening);
    },
    async drain() {
      draining = true;
      await live.close();
    },
    async stop() {
      draining = true;
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
