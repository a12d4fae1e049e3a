import pg from 'pg';
import type { ChannelListener, NotificationHandlers } from './database.ts';

const CHANNEL_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** A channel name is spliced into `LISTEN`, so only a plain lower-case identifier is taken. */
export function checkedChannel(channel: string): string {
  if (!CHANNEL_NAME.test(channel)) throw new Error('A channel name is lower-case letters, digits and _');
  return channel;
}

/** How long to wait before reopening a lost listening connection: doubling from `firstMs` to `maxMs`. */
export interface Backoff {
  firstMs: number;
  maxMs: number;
}

export const LISTEN_BACKOFF: Backoff = { firstMs: 100, maxMs: 10_000 };

/** The listening connection's name in `pg_stat_activity`, so operators (and tests) can tell it apart. */
export const LISTENER_APPLICATION_NAME = 'ldn_listener';

/**
 * LISTENs on a connection of its own (a pooled one is lent to other work between statements, and
 * LISTEN belongs to the session). When the connection is lost — a failover, a restart,
 * `pg_terminate_backend` — `onLost` is told once and the connection is reopened with growing
 * waits until it succeeds; then `onResumed`. The first connection's failure is the caller's.
 */
export async function listenOnPostgres(
  url: string,
  channel: string,
  handlers: NotificationHandlers,
  backoff: Backoff = LISTEN_BACKOFF,
): Promise<ChannelListener> {
  const name = checkedChannel(channel);
  let closed = false;
  let current: pg.Client | null = null;
  let retry: NodeJS.Timeout | undefined;
  let wait = backoff.firstMs;

  const reopenLater = () => {
    if (closed) return;
    retry = setTimeout(async () => {
      try {
        current = await open();
        wait = backoff.firstMs;
        handlers.onResumed?.();
      } catch {
        wait = Math.min(wait * 2, backoff.maxMs);
        reopenLater();
      }
    }, wait);
  };

  async function open(): Promise<pg.Client> {
    const client = new pg.Client({
      connectionString: url,
      keepAlive: true,
      application_name: LISTENER_APPLICATION_NAME,
    });
    let listening = false;
    let lost = false;
    // One loss can arrive twice (the server's FATAL message, then the socket's end). A client with
    // no 'error' listener would kill the process, so one is there from the start.
    const onLoss = (error: Error) => {
      if (!listening || lost || closed) return;
      lost = true;
      current = null;
      client.end().catch(() => {});
      handlers.onLost?.(error);
      reopenLater();
    };
    client.on('error', onLoss);
    client.on('end', () => onLoss(new Error('the listening connection ended')));
    client.on('notification', (message) => {
      if (message.channel === name) handlers.onNotification(message.payload ?? '');
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${name}`);
    } catch (error) {
      await client.end().catch(() => {});
      throw error;
    }
    listening = true;
    return client;
  }

  current = await open();
  return {
    async close() {
      closed = true;
      clearTimeout(retry);
      const client = current;
      current = null;
      await client?.end().catch(() => {});
    },
  };
}
