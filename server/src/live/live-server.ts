import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Database } from '@ldn/db';
import type { GraphQLSchema } from 'graphql';
import { CloseCode } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { type WebSocket, WebSocketServer } from 'ws';
import { Repositories } from '../access/repositories.ts';
import { systemRepositoryOf } from '../access/system-repository.ts';
import { sessionTokenOf } from '../auth/sessions.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { Clock } from '../platform/clock.ts';
import type { Config } from '../platform/config.ts';
import { unauthenticated } from '../platform/errors.ts';
import type { Logger } from '../platform/logger.ts';
import { describeFailure } from '../platform/process-guards.ts';
import type { ChangeFeed } from './change-feed.ts';
import type { LiveContext } from './live-context.ts';
import { liveErrorFormatter, subscriptionArgs } from './live-operations.ts';
import { fromOwnOrigin, LIVE_PATH, pathOf, refusal } from './socket-admission.ts';

/** A subscribe message is a few hundred bytes; ws's default limit is 100 MiB. */
const MAX_MESSAGE_BYTES = 64 * 1024;
/** A portal page holds one subscription; a few more cover tabs sharing nothing. */
const MAX_SUBSCRIPTIONS_PER_SOCKET = 10;
/** How often each socket's session is checked again: its idle and absolute expiry, the person still active. */
const SESSION_CHECK_MS = 30_000;
/** How long closing sockets get to say goodbye at shutdown before they are cut. */
const CLOSE_GRACE_MS = 1_000;

export interface LiveServerOptions {
  schema: GraphQLSchema;
  db: Database;
  config: Config;
  clock: Clock;
  log: Logger;
  feed: ChangeFeed;
  /** Tests shorten it. */
  sessionCheckMs?: number;
}

/** The GraphQL subscriptions over WebSocket (graphql-transport-ws), on the HTTP server's /graphql. */
export interface LiveServer {
  /** The HTTP server's 'upgrade' listener. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Closes every socket (1001, going away) and stops accepting new ones; again, waits for the first. */
  close(): Promise<void>;
}

/** One admitted socket: whose session opened it. */
interface Connection {
  id: string;
  sessionToken: string;
  viewer: Viewer;
}

type Extra = { socket: WebSocket; request: IncomingMessage };

/**
 * Admits a WebSocket only from our own origin with a live session (the cookie, looked up as an
 * HTTP request's is), serves subscriptions on it and nothing else, and closes it (4401) when its
 * session ends: at once when revoked (sign-out, deactivation — the database announces it), else
 * at the next periodic check (idle or absolute expiry). A socket is not activity: it never keeps
 * a session alive.
 */
export function createLiveServer({
  schema,
  db,
  config,
  clock,
  log,
  feed,
  sessionCheckMs = SESSION_CHECK_MS,
}: LiveServerOptions): LiveServer {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  const connections = new Map<WebSocket, Connection>();
  const formatErrors = liveErrorFormatter(log, config.production);
  let stopping = false;
  let closing: Promise<void> | undefined;
  // system: a socket's session is looked up (at the handshake, then again and again) before, and
  // apart from, any request of its person; the lookups read sessions only, never this repository's loaders.
  const sessions = systemRepositoryOf(db, 'live-sessions');

  const contextOf = (connection: Connection): LiveContext => ({
    viewer: connection.viewer,
    repositories: new Repositories(db.prisma, connection.viewer, connection.id),
    requestId: connection.id,
    log: log.child({ socketId: connection.id }),
    changes: feed,
  });

  const graphqlWs = useServer<Record<string, unknown> | undefined, Extra>(
    {
      onSubscribe: (ctx, _id, payload) => {
        const connection = connections.get(ctx.extra.socket);
        // Never so: a socket is registered before graphql-ws sees it (handleUpgrade below).
        if (connection === undefined) return [unauthenticated()];
        return subscriptionArgs(schema, payload, contextOf(connection), {
          production: config.production,
          subscriptionsOpen: Object.keys(ctx.subscriptions).length,
          maxSubscriptions: MAX_SUBSCRIPTIONS_PER_SOCKET,
        });
      },
      // Refusals before the subscription starts, and errors it ends with.
      onError: (_ctx, _id, _payload, errors) => formatErrors(errors),
      // A subscription refused while starting (UNAUTHENTICATED, a failed audit write) arrives as a result.
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors === undefined ? undefined : { ...result, errors: formatErrors(result.errors) },
      onClose: (ctx, code) => {
        const connection = connections.get(ctx.extra.socket);
        connections.delete(ctx.extra.socket);
        if (connection !== undefined) log.info({ socketId: connection.id, code }, 'live socket closed');
      },
    },
    wss,
  );

  // 4401 is final for graphql-ws clients: the portal sends the person to sign in.
  const sessionEnded = (socket: WebSocket) => socket.close(CloseCode.Unauthorized, 'Session ended');
  const unsubscribes = [
    feed.onChange((change) => {
      if (change.entity !== 'Session') return;
      for (const [socket, connection] of connections) {
        if (connection.viewer.sessionId === change.id) sessionEnded(socket);
      }
    }),
    // Changes were missed while the database connection was down: every client reconnects
    // (1012 is retried) and refetches what it shows.
    feed.onResumed(() => {
      for (const socket of connections.keys()) socket.close(1012, 'Service Restart');
    }),
  ];

  let checking = false;
  const checkSessions = async () => {
    if (checking) return;
    checking = true;
    try {
      for (const [socket, connection] of [...connections]) {
        const viewer = await sessions.viewerOfSession(connection.sessionToken, config, clock, {
          touch: false,
        });
        if (viewer === null || viewer.userId !== connection.viewer.userId) sessionEnded(socket);
      }
    } catch (error) {
      // The database is unreachable: the sockets stay until the next check can decide.
      log.warn(describeFailure(error), 'live sockets: sessions could not be checked');
    } finally {
      checking = false;
    }
  };
  const sessionTimer = setInterval(() => void checkSessions(), sessionCheckMs);
  sessionTimer.unref();

  async function admit(request: IncomingMessage): Promise<Connection | 401 | 403 | 404 | 503> {
    if (stopping) return 503;
    if (pathOf(request) !== LIVE_PATH) return 404;
    if (!fromOwnOrigin(request)) return 403;
    const sessionToken = sessionTokenOf(request.headers.cookie);
    if (sessionToken === undefined) return 401;
    const viewer = await sessions.viewerOfSession(sessionToken, config, clock, { touch: false });
    if (viewer === null) return 401;
    return { id: randomUUID(), sessionToken, viewer };
  }

  return {
    handleUpgrade(request, socket, head) {
      // A peer resetting mid-handshake must not become an uncaught 'error'.
      socket.on('error', () => {});
      admit(request).then(
        (admitted) => {
          if (typeof admitted === 'number') {
            socket.end(refusal(admitted));
            return;
          }
          wss.handleUpgrade(request, socket, head, (ws) => {
            connections.set(ws, admitted);
            log.info({ socketId: admitted.id }, 'live socket opened');
            wss.emit('connection', ws, request);
          });
        },
        (error: unknown) => {
          log.error(describeFailure(error), 'live socket: the handshake could not be checked');
          socket.end(refusal(503));
        },
      );
    },
    close() {
      closing ??= closeAll();
      return closing;
    },
  };

  async function closeAll() {
    stopping = true;
    clearInterval(sessionTimer);
    for (const unsubscribe of unsubscribes) unsubscribe();
    const cut = setTimeout(() => {
      for (const socket of wss.clients) socket.terminate();
    }, CLOSE_GRACE_MS);
    try {
      await graphqlWs.dispose();
    } finally {
      clearTimeout(cut);
    }
  }
}
