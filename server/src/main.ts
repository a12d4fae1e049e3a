// First: tracing must start before the modules it instruments are loaded.
import './observability/tracing-preload.ts';
import type { Server } from 'node:http';
import type { Database } from '@ldn/db';
import { DEMO_PASSWORD, demoSignIns } from '@ldn/db/demo';
import { type SystemRepository, systemRepositoryOf } from './access/system-repository.ts';
import { type App, createApp } from './app.ts';
import { DEFAULT_THROTTLE } from './auth/throttle.ts';
import { serveMetrics } from './observability/metrics-server.ts';
import { processTracing } from './observability/tracing-preload.ts';
import { type Clock, configuredClock } from './platform/clock.ts';
import { ConfigError, loadConfig, productionWarnings } from './platform/config.ts';
import { migrateConfiguredDatabase, openConfiguredDatabase } from './platform/database.ts';
import { createLogger } from './platform/logger.ts';
import { describeFailure, guardProcess } from './platform/process-guards.ts';
import { drain, drainable, type HttpDrain } from './platform/shutdown.ts';
import { DEFAULT_BATCH_SIZE, type RetentionJob, startRetention } from './retention/retention.ts';

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  let clock: Clock;
  try {
    config = loadConfig();
    clock = configuredClock(config);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Configuration error: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
  const log = createLogger(config.logLevel);
  guardProcess(log);
  for (const warning of productionWarnings(config)) log.warn(warning);
  if (config.clockFile !== undefined)
    log.warn(
      { clockFile: config.clockFile },
      'CLOCK_FILE is set: the clock reads its date-time (tests only)',
    );
  const db = await openConfiguredDatabase(config, (error) =>
    log.warn(describeFailure(error), 'database connection lost; the pool opens a new one'),
  );
  let app: App | undefined;
  let server: Server | undefined;
  let http: HttpDrain | undefined;
  let metrics: HttpDrain | undefined;
  let retention: RetentionJob | undefined;
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal, timeoutMs: config.shutdownTimeoutMs }, 'shutting down: draining requests');
    const outcome = await drain({
      ...(http === undefined ? {} : { http }),
      ...(app === undefined ? {} : { app }),
      jobs: retention === undefined ? [] : [retention],
      ...(metrics === undefined ? {} : { metrics }),
      db,
      ...(processTracing === undefined ? {} : { tracing: processTracing }),
      timeoutMs: config.shutdownTimeoutMs,
      log,
    });
    // Non-zero when requests had to be cut or a step failed: the supervisor's log shows it.
    process.exit(outcome.timedOut || outcome.failed ? 1 : 0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  const applied = await migrateConfiguredDatabase(config, db);
  if (applied.length > 0) log.info({ applied }, 'migrations applied');
  // system: start-up jobs and the retention job belong to no organisation.
  const system = systemRepositoryOf(db, 'start-up');
  const rescreened = await system.rescreenDrugRecords();
  if (rescreened.medications + rescreened.priorTherapies > 0)
    log.info(rescreened, 'drug records classified again');
  await seedIfAsked(system, config.seedDemo, log);

  retention = startRetention({
    // system: the retention job deletes expired rows of every organisation, in batches of raw SQL.
    prisma: system.unscoped,
    clock,
    policy: {
      sessionIdleMinutes: config.sessionIdleMinutes,
      throttle: DEFAULT_THROTTLE,
      batchSize: DEFAULT_BATCH_SIZE,
    },
    intervalMs: config.retentionIntervalMinutes * 60_000,
    log,
  });
  app = await createApp({ db, config, log, clock });
  server = app.listen(config.port, config.host, () => {
    const address = server?.address();
    const port = typeof address === 'object' && address !== null ? address.port : config.port;
    announce(port, db, config.seedDemo);
  });
  http = drainable(server);
  if (config.metricsPort !== undefined) {
    const { metricsPort, metricsHost } = config;
    metrics = drainable(
      serveMetrics(app.metrics.registry, metricsPort, metricsHost, log, () =>
        log.info({ port: metricsPort, host: metricsHost }, 'metrics served at /metrics'),
      ),
    );
  }
}

async function seedIfAsked(system: SystemRepository, seed: boolean, log: ReturnType<typeof createLogger>) {
  if (!seed) return;
  const started = Date.now();
  if (await system.seedDemoOnce()) log.info({ ms: Date.now() - started }, 'demo data loaded');
}

function announce(port: number, db: Database, demo: boolean): void {
  const lines = [
    '',
    `  LDN trials is running at http://localhost:${port}/  (GraphQL API: http://localhost:${port}/graphql)`,
    `  Database: ${db.kind === 'pglite' ? 'embedded PostgreSQL (PGlite)' : 'PostgreSQL'}`,
  ];
  if (demo) {
    lines.push(`  Demo sign-ins (password for all: ${DEMO_PASSWORD}):`);
    for (const signIn of demoSignIns())
      lines.push(`    ${signIn.role.padEnd(12)} ${signIn.email}  (${signIn.organisation})`);
  }
  lines.push('  Stop with Ctrl-C.', '');
  console.log(lines.join('\n'));
}

main().catch((error: unknown) => {
  console.error('Could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
