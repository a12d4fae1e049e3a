import type { PrismaClient } from '@ldn/db';
import { type Client, createClient } from 'graphql-ws';
import { vi } from 'vitest';
import WebSocket from 'ws';
import type { TestServer } from '../test/harness.ts';
import type { Change } from './change.type.ts';

export const CHANGES = 'subscription Changes { changes { entity id patientId trialId orderId } }';

export interface Listener {
  /** Every change heard so far, in order. */
  heard: Change[];
  /** GraphQL errors and transport failures, as received. */
  errors: unknown[];
  /** The socket's close code, once closed. */
  closed: Promise<number>;
  stop(): Promise<void>;
}

export interface ListenOptions {
  /** The Origin header; the server's own origin unless given (null: none sent). */
  origin?: string | null;
  query?: string;
}

/** The ws WebSocket with the handshake headers a browser would send (its cookie and origin). */
function socketWith(headers: Record<string, string>) {
  return class extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, { headers });
    }
  };
}

/** A graphql-ws client (no retries) for `server`, sending `cookie` and `origin` on its handshake. */
export function clientAs(
  server: TestServer,
  cookie: string | null,
  { origin = server.url, onClosed }: { origin?: string | null; onClosed?: (code: number) => void } = {},
): Client {
  const headers: Record<string, string> = {
    ...(cookie === null ? {} : { cookie }),
    ...(origin === null ? {} : { origin }),
  };
  return createClient({
    url: `${server.url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: socketWith(headers),
    retryAttempts: 0,
    on: { closed: (event) => onClosed?.((event as { code: number }).code) },
  });
}

/** A graphql-ws client over a WebSocket to `server`, subscribed to `changes` with `cookie`'s session. */
export function listenAs(server: TestServer, cookie: string | null, options: ListenOptions = {}): Listener {
  const heard: Change[] = [];
  const errors: unknown[] = [];
  let reportClose: (code: number) => void = () => {};
  const closed = new Promise<number>((resolve) => {
    reportClose = resolve;
  });
  const client = clientAs(server, cookie, {
    ...(options.origin === undefined ? {} : { origin: options.origin }),
    onClosed: reportClose,
  });
  client.subscribe<{ changes: Change }>(
    { query: options.query ?? CHANGES },
    {
      next: (result) => {
        if (result.data?.changes !== undefined) heard.push(result.data.changes);
        if (result.errors !== undefined) errors.push(...result.errors);
      },
      error: (error) => errors.push(...(Array.isArray(error) ? error : [error])),
      complete: () => {},
    },
  );
  return { heard, errors, closed, stop: () => client.dispose() as Promise<void> };
}

/** Resolves once `userId` has opened a subscription (its audit row is written once it listens). */
export async function subscribed(prisma: PrismaClient, userId: string, count = 1): Promise<void> {
  await vi.waitFor(
    async () => {
      const rows = await prisma.auditLog.count({ where: { actorId: userId, action: 'SUBSCRIBE' } });
      if (rows < count) throw new Error(`${rows} of ${count} subscriptions open`);
    },
    { timeout: 5_000, interval: 25 },
  );
}

/** The status a plain WebSocket handshake to /graphql is answered with (101 when admitted). */
export function handshakeStatus(server: TestServer, headers: Record<string, string>, path = '/graphql') {
  return new Promise<number>((resolve, reject) => {
    const socket = new WebSocket(`${server.url.replace(/^http/, 'ws')}${path}`, 'graphql-transport-ws', {
      headers,
    });
    socket.on('unexpected-response', (_request, response) => {
      resolve(response.statusCode ?? 0);
      socket.terminate();
    });
    socket.on('open', () => {
      resolve(101);
      socket.close();
    });
    socket.on('error', (error) => reject(error));
  });
}

/** Time for a change that was not heard to have arrived, had it been sent (all is local). */
export const quietPeriod = () => new Promise((resolve) => setTimeout(resolve, 300));
