import type { Server, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from './logger.ts';
import { describeFailure } from './process-guards.ts';

/** After the time limit: how long closing the pool and flushing spans may still take before exit. */
const CLOSING_GRACE_MS = 5_000;

/** An HTTP server's connections, followed from the start so that a drain can end them. */
export interface HttpDrain {
  /**
   * Stops accepting connections and resolves once every one has ended: requests in flight finish,
   * their answers ask the client to close (`Connection: close`), and keep-alive connections are
   * closed as soon as they are idle.
   */
  close(): Promise<void>;
  /** Ends every connection left at once (the time limit has passed). */
  cut(): void;
}

/**
 * Follows `server`'s connections and requests: call it as soon as the server is created. Node's own
 * `server.close()` waits for every keep-alive connection to time out, and answers keep-alive
 * while closing; a load balancer would go on sending on those connections.
 */
export function drainable(server: Server): HttpDrain {
  const sockets = new Set<Duplex>();
  const inFlight = new Set<ServerResponse>();
  let closing: Promise<void> | undefined;
  const closeIdle = () => server.closeIdleConnections();
  server.on('connection', (socket: Duplex) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  server.on('request', (_req, res: ServerResponse) => {
    inFlight.add(res);
    if (closing !== undefined) askToClose(res);
    res.once('close', () => {
      inFlight.delete(res);
      // Once the answer is out the connection is idle: close it rather than wait for its timeout.
      if (closing !== undefined) setImmediate(closeIdle);
    });
  });
  return {
    close() {
      closing ??= new Promise<void>((resolve) => {
        for (const res of inFlight) askToClose(res);
        // Called back (with an error when it was not listening) once the last connection is gone.
        server.close(() => resolve());
        closeIdle();
      });
      return closing;
    },
    cut() {
      server.closeAllConnections();
      // Upgraded sockets (the live WebSockets) are no longer the HTTP server's to close.
      for (const socket of sockets) socket.destroy();
    },
  };
}

function askToClose(res: ServerResponse): void {
  if (!res.headersSent) res.setHeader('connection', 'close');
}

/** What a shutdown stops, in its order. Every part is optional but the database. */
export interface DrainParts {
  /** The public server: stops taking connections, lets requests in flight finish. */
  http?: HttpDrain;
  /** Reports not ready and closes the live sockets (1001, going away) at once; `stop` after HTTP. */
  app?: { drain(): Promise<void>; stop(): Promise<void> };
  /** Background work using the database (the retention job): stopped at once, its batch finished. */
  jobs?: { stop(): Promise<void> }[];
  /** The metrics listener: scraped until the end, closed just before the pool. */
  metrics?: HttpDrain;
  db: { close(): Promise<void> };
  /** Flushed last, so the shutdown's own spans are sent. */
  tracing?: { shutdown(): Promise<void> };
  /** How long requests in flight get before their connections are cut. */
  timeoutMs: number;
  log: Logger;
}

export interface DrainOutcome {
  /** Requests were still in flight at the time limit and were cut off. */
  timedOut: boolean;
  /** A step failed or did not finish (logged); the process should exit non-zero. */
  failed: boolean;
}

/**
 * The graceful shutdown: refuse new work at once (listener closed, /readyz 503, live sockets told
 * 1001 "going away", jobs stopped), let what is in flight finish within `timeoutMs`, cut whatever is
 * left, then close the API, the metrics listener, the pool (only now: no request is using it) and
 * tracing. Never throws; resolves when all is closed or given up on.
 */
export async function drain(parts: DrainParts): Promise<DrainOutcome> {
  const { http, app, jobs = [], metrics, db, tracing, timeoutMs, log } = parts;
  let failed = false;
  const step = async (name: string, work: () => Promise<void>) => {
    const began = Date.now();
    try {
      await work();
      log.debug({ step: name, ms: Date.now() - began }, 'shutdown step done');
    } catch (error) {
      failed = true;
      log.error({ ...describeFailure(error), step: name }, 'shutdown step failed');
    }
  };

  const started = Date.now();
  const inFlight = Promise.all([
    step('http', async () => http?.close()),
    step('live sockets', async () => app?.drain()),
    ...jobs.map((job) => step('job', () => job.stop())),
  ]);
  const timedOut = !(await within(inFlight, timeoutMs));
  if (timedOut) {
    log.warn(
      { timeoutMs },
      'shutdown: requests still in flight at the time limit; their connections are cut',
    );
    http?.cut();
  }
  const closed = (async () => {
    if (timedOut) await within(inFlight, CLOSING_GRACE_MS);
    await step('app', async () => app?.stop());
    if (metrics !== undefined) {
      const closing = metrics.close();
      metrics.cut(); // a scrape is never worth waiting for
      await step('metrics', () => closing);
    }
    await step('database', () => db.close());
    await step('tracing', async () => tracing?.shutdown());
  })();
  if (!(await within(closed, CLOSING_GRACE_MS))) {
    failed = true;
    log.error(
      { graceMs: CLOSING_GRACE_MS },
      'shutdown: closing the database or flushing traces did not finish',
    );
  }
  log.info({ ms: Date.now() - started, timedOut, failed }, 'shutdown complete');
  return { timedOut, failed };
}

/** Whether `work` settled within `ms`. */
async function within(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([work.then(() => true), expired]);
  } finally {
    clearTimeout(timer);
  }
}
