import type { RequestHandler } from 'express';
import { atMost, type Limited } from './at-most.ts';

/**
 * The API's requests handled at once (MAX_REQUESTS_IN_FLIGHT), the rest waiting in arrival order
 * before their bodies are read. Each request in flight holds its body, its parsed operation, its
 * loaders and a wait for one of the pool's connections; a burst of a thousand held all of that at
 * once for no gain, the pool and the cores serving them no faster (issue #16: the server's peak
 * memory). The health checks and the live sockets do not pass here.
 */
export class RequestGate {
  readonly #limited: Limited;

  constructor(limit: number) {
    this.#limited = atMost(limit);
  }

  get inFlight(): number {
    return this.#limited.running;
  }

  get waiting(): number {
    return this.#limited.waiting;
  }

  /** Lets a request through when a place is free; the place is freed when its response closes. */
  readonly handler: RequestHandler = (_req, res, next) => {
    void this.#limited(
      () =>
        new Promise<void>((free) => {
          // A client that gave up while waiting: nothing to answer.
          if (res.closed) return free();
          // 'close' comes after the last byte is written, and when the connection is cut first.
          res.once('close', () => free());
          next();
        }),
    );
  };
}
