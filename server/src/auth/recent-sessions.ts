// Every request starts by reading its session; a person's burst of requests (a page's queries, a
// retry storm of submissions) would otherwise read the same row once each (issue #16). A live
// session's read answers again for SESSION_RECENT_MS (1 s by default; config.ts). Ending a session
// or changing a person's standing in this process forgets every read at once
// (`forgetRecentSessions`); a change made by another process, or by hand in the database, is
// honoured within the bound. 0 reads the session at every request.

/** Bumped by every forgetting: each cache compares it before answering. */
let generation = 0;

/**
 * Forgets every session read so far, in every cache of this process: sessions were ended, or a
 * person's standing changed (deactivated, another role). Called where the change is written.
 */
export function forgetRecentSessions(): void {
  generation += 1;
}

interface Read<Row> {
  row: Promise<Row | null>;
  readAt: number;
}

/**
 * Recent reads of live sessions by token hash, one read shared by the requests that arrive while it
 * runs. Only a live session is kept: a missing or ended one is read again every time, and a kept
 * one that no longer passes the caller's checks is dropped (`drop`) and read again.
 */
export class RecentSessions<Row> {
  readonly #reads = new Map<string, Read<Row>>();
  #generation = generation;
  #sweptAt: number;
  /** Reads start being kept again from here: see the forgetting in `read`. */
  #keepFrom = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly recentForMs: number,
    /** Milliseconds on a monotonic clock (not the product's clock, which tests fix). */
    private readonly now: () => number = () => performance.now(),
  ) {
    this.#sweptAt = now();
  }

  /** The session of `tokenHash` read at most `recentForMs` ago, or `readRow()`'s answer now. */
  read(tokenHash: string, readRow: () => Promise<Row | null>): Promise<Row | null> {
    const now = this.now();
    if (this.#generation !== generation) {
      this.#reads.clear();
      this.#generation = generation;
      // The change that forgot them is written inside a transaction that may not have committed
      // yet: a read now could still see the old row, so none is kept for a while.
      this.#keepFrom = now + this.recentForMs;
    }
    if (now - this.#sweptAt >= this.recentForMs) this.#sweep(now);
    const recent = this.#reads.get(tokenHash);
    if (recent !== undefined && now - recent.readAt < this.recentForMs) return recent.row;
    if (this.recentForMs <= 0 || now < this.#keepFrom) return readRow();
    const read: Read<Row> = { row: readRow(), readAt: now };
    this.#reads.set(tokenHash, read);
    const forget = () => {
      if (this.#reads.get(tokenHash) === read) this.#reads.delete(tokenHash);
    };
    read.row.then((row) => {
      if (row === null) forget();
    }, forget);
    return read.row;
  }

  /** Forgets the read of `tokenHash`: its row failed a check, and only a fresh read may say so. */
  drop(tokenHash: string): void {
    this.#reads.delete(tokenHash);
  }

  /** How many reads are kept (tests). */
  get size(): number {
    return this.#reads.size;
  }

  /** Drops reads past their time, so tokens never presented again do not stay in memory. */
  #sweep(now: number): void {
    this.#sweptAt = now;
    for (const [tokenHash, read] of this.#reads)
      if (now - read.readAt >= this.recentForMs) this.#reads.delete(tokenHash);
  }
}
