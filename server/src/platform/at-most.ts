/** Places for work, at most `limit` taken at a time; the rest wait for one in arrival order. */
export class Places {
  #taken = 0;
  readonly #waiting: (() => void)[] = [];

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError('limit must be a whole number ≥ 1');
  }

  /** Places taken now. */
  get taken(): number {
    return this.#taken;
  }

  /** Callers waiting for a place now. */
  get waiting(): number {
    return this.#waiting.length;
  }

  /** Resolves once a place is the caller's; it must be given back with `release`, once. */
  take(): Promise<void> {
    if (this.#taken < this.limit) {
      this.#taken += 1;
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => this.#waiting.push(resolve));
  }

  /** Gives a place back: to the first caller waiting, if any. */
  release(): void {
    const next = this.#waiting.shift();
    if (next === undefined) this.#taken -= 1;
    else next();
  }
}

/**
 * Runs work with at most `limit` runs at a time, the rest waiting in arrival order. For work that
 * costs a fixed amount of memory or a core each (argon2), where more at once only queues inside
 * the runtime while holding its memory.
 */
export function atMost(limit: number): <T>(work: () => Promise<T>) => Promise<T> {
  const places = new Places(limit);
  return async (work) => {
    await places.take();
    try {
      return await work();
    } finally {
      places.release();
    }
  };
}
