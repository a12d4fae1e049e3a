import type { ChannelListener, Database } from '@ldn/db';
import type { Logger } from '../platform/logger.ts';
import { describeFailure } from '../platform/process-guards.ts';
import { CHANGES_CHANNEL, type DatabaseChange, parseDatabaseChange } from './database-change.ts';

type Unsubscribe = () => void;

/**
 * The process's one LISTEN on the database's change channel, fanned out to everyone here who
 * listens (each live subscription, the socket registry). Every process on the database hears every
 * change, whichever process (or job, or psql) wrote it.
 */
export class ChangeFeed {
  private readonly changeListeners = new Set<(change: DatabaseChange) => void>();
  private readonly resumeListeners = new Set<() => void>();
  private listener: ChannelListener | null = null;

  private constructor(private readonly log: Logger) {}

  /** Starts listening on `db`. */
  static async start(db: Database, log: Logger): Promise<ChangeFeed> {
    const feed = new ChangeFeed(log);
    feed.listener = await db.listen(CHANGES_CHANNEL, {
      onNotification: (payload) => feed.dispatch(payload),
      onLost: (error) =>
        log.warn(describeFailure(error), 'live changes: listening connection lost; reopening it'),
      onResumed: () => {
        log.info('live changes: listening again');
        for (const listener of feed.resumeListeners) listener();
      },
    });
    return feed;
  }

  /** Calls `listener` with every change announced from now on; returns how to stop. */
  onChange(listener: (change: DatabaseChange) => void): Unsubscribe {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  /** Calls `listener` when listening resumes after a lost connection: changes meanwhile were missed. */
  onResumed(listener: () => void): Unsubscribe {
    this.resumeListeners.add(listener);
    return () => this.resumeListeners.delete(listener);
  }

  async close(): Promise<void> {
    this.changeListeners.clear();
    this.resumeListeners.clear();
    await this.listener?.close();
    this.listener = null;
  }

  private dispatch(payload: string): void {
    const change = parseDatabaseChange(payload);
    if (change === null) {
      this.log.warn('live changes: a notification that is not a change was ignored');
      return;
    }
    for (const listener of this.changeListeners) {
      try {
        listener(change);
      } catch (error) {
        // One subscriber's failure must not keep the change from the others.
        this.log.error(describeFailure(error), 'live changes: a listener failed');
      }
    }
  }
}
