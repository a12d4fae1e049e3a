/** Work limited by `atMost`, and how much of it runs and waits now (for metrics). */
export interface Limited {
  <T>(work: () => Promise<T>): Promise<T>;
  readonly running: number;
  readonly waiting: number;
}

/**
 * Runs work with at most `limit` runs at a time, the rest waiting in arrival order. For work that
 * costs a fixed amount of memory or a core each (argon2, a request), where more at once only
 * queues inside the runtime while holding its memory.
 */
export function atMost(limit: number): Limited {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError('limit must be a whole number ≥ 1');
  let running = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    const next = waiting.shift();
    if (next === undefined) running -= 1;
    else next();
  };
  const limited = async <T>(work: () => Promise<T>): Promise<T> => {
    if (running < limit) running += 1;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await work();
    } finally {
      release();
    }
  };
  return Object.defineProperties(limited, {
    running: { get: () => running },
    waiting: { get: () => waiting.length },
  }) as Limited;
}
