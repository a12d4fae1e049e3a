import { type Exchange, subscriptionExchange } from '@urql/core';
import { createClient, type Client as SocketClient } from 'graphql-ws';

/** The socket's close code when the server ends it because the session ended (server: live-server.ts). */
const SESSION_ENDED = 4401;
/** How often the portal pings the server, and how long it waits for the answer before reconnecting. */
const PING_EVERY_MS = 10_000;
const PONG_WITHIN_MS = 5_000;
/** A page change keeps the socket: the next page subscribes again within this. */
const KEEP_IDLE_SOCKET_MS = 3_000;

export interface LiveTransport {
  /** urql's subscriptionExchange over the socket. */
  exchange: Exchange;
  /** Calls `listener` each time the socket is back after a loss (changes meanwhile were missed). */
  onReconnected(listener: () => void): () => void;
}

export interface LiveOptions {
  /** The API's HTTP URL (`/graphql`): the socket is the same path, ws: or wss: like the page. */
  url: string;
  /** The server closed the socket because the session ended. */
  onSessionEnded(): void;
}

/** `/graphql` on this page's host, over ws: or wss: as the page is http: or https:. */
export function socketUrlFor(url: string, page: Location = window.location): string {
  const absolute = new URL(url, page.href);
  absolute.protocol = absolute.protocol === 'https:' ? 'wss:' : 'ws:';
  return absolute.toString();
}

/** Waits 1, 2, 4 … up to 30 s between reconnections, with jitter so a restart is not stormed. */
const retryWait = (retries: number) =>
  new Promise<void>((resolve) =>
    setTimeout(resolve, Math.min(30_000, 1_000 * 2 ** retries) * (0.75 + Math.random() * 0.5)),
  );

/**
 * The live socket (graphql-ws, graphql-transport-ws protocol): opened when a screen subscribes,
 * closed a moment after the last one stops, reconnected for as long as a screen listens (a
 * network loss is noticed by a ping left unanswered), and the session's end sends the person to
 * sign in. Null where there is no WebSocket.
 */
export function createLiveTransport({ url, onSessionEnded }: LiveOptions): LiveTransport | null {
  if (typeof WebSocket === 'undefined') return null;
  const reconnected = new Set<() => void>();
  let socket: WebSocket | null = null;
  let pongDeadline: ReturnType<typeof setTimeout> | undefined;
  const client: SocketClient = createClient({
    url: () => socketUrlFor(url),
    lazy: true,
    lazyCloseTimeout: KEEP_IDLE_SOCKET_MS,
    keepAlive: PING_EVERY_MS,
    retryAttempts: Number.POSITIVE_INFINITY,
    // Any loss is worth retrying while a screen listens; the fatal codes are still fatal.
    shouldRetry: () => true,
    retryWait,
    on: {
      connected: (connected, _payload, wasRetry) => {
        socket = connected as WebSocket;
        if (wasRetry) for (const listener of reconnected) listener();
      },
      ping: (received) => {
        if (received) return;
        clearTimeout(pongDeadline);
        pongDeadline = setTimeout(() => {
          // 4408 is retried: the socket is replaced by a new one.
          if (socket?.readyState === WebSocket.OPEN) socket.close(4408, 'Request Timeout');
        }, PONG_WITHIN_MS);
      },
      pong: (received) => {
        if (received) clearTimeout(pongDeadline);
      },
      closed: (event) => {
        socket = null;
        clearTimeout(pongDeadline);
        if ((event as CloseEvent | undefined)?.code === SESSION_ENDED) onSessionEnded();
      },
    },
  });
  return {
    exchange: subscriptionExchange({
      forwardSubscription: (request) => ({
        subscribe: (sink) => ({
          unsubscribe: client.subscribe({ ...request, query: request.query ?? '' }, sink),
        }),
      }),
    }),
    onReconnected(listener) {
      reconnected.add(listener);
      return () => reconnected.delete(listener);
    },
  };
}
