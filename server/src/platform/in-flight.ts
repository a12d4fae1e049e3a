import type { Request, RequestHandler, Response } from 'express';
import { Places } from './at-most.ts';

/**
 * The API's requests handled at once (MAX_REQUESTS_IN_FLIGHT), the rest waiting in arrival order
 * before their bodies are read. Each request in flight holds its body, its parsed operation, its
 * loaders and a wait for one of the pool's connections; a burst of a thousand held all of that at
 * once for no gain, the pool and the cores serving them no faster (issue #16: the server's peak
 * memory). The health checks and the live sockets do not pass here.
 *
 * A place is given back when the response is sent or its connection closes: a request whose client
 * went away frees its place at once, though work it already started may still finish.
 */
export class RequestGate {
  readonly #places: Places;

  constructor(limit: number) {
    this.#places = new Places(limit);
  }

  get inFlight(): number {
    return this.#places.taken;
  }

  get waiting(): number {
    return this.#places.waiting;
  }

  /** Lets a request through when a place is free. */
  readonly handler: RequestHandler = (req, res, next) => {
    const slot = new Slot(this.#places, req, res);
    slots.set(res, slot);
    slot.enter(next).catch(next);
  };
}

const slots = new WeakMap<Response, Slot>();

/** One request's place: waited for, held while it works, given back once. */
class Slot {
  #held = false;
  #done = false;
  readonly #end = () => this.#finish();

  constructor(
    private readonly places: Places,
    private readonly req: Request,
    res: Response,
  ) {
    // A response queued behind another on a pipelined connection has no socket of its own: when
    // that connection dies it is destroyed without 'close', so the connection's end counts too.
    if (res.closed || res.destroyed || req.socket.destroyed) this.#done = true;
    res.once('finish', this.#end);
    res.once('close', this.#end);
    req.socket.once('close', this.#end);
  }

  /** Waits for a place, then goes on, unless the client has gone meanwhile. */
  async enter(next: () => void): Promise<void> {
    await this.#take();
    if (!this.#done) next();
  }

  /** Gives the place to the next request while `work` only waits (a throttle's delay). */
  async away<T>(work: () => Promise<T>): Promise<T> {
    if (this.#held) {
      this.#held = false;
      this.places.release();
    }
    try {
      return await work();
    } finally {
      await this.#take();
    }
  }

  async #take(): Promise<void> {
    if (this.#done) return;
    await this.places.take();
    if (this.#done) this.places.release();
    else this.#held = true;
  }

  #finish(): void {
    if (this.#done) return;
    this.#done = true;
    this.req.socket.off('close', this.#end);
    if (this.#held) {
      this.#held = false;
      this.places.release();
    }
  }
}

/**
 * Runs `work` that only waits (a sign-in's throttle delay) without holding the request's place, so
 * that one address's slowed sign-ins cannot fill every place; the request waits for a place again
 * after. Outside the gate (a test's own server), `work` just runs.
 */
export function awayFromGate<T>(res: Response, work: () => Promise<T>): Promise<T> {
  return slots.get(res)?.away(work) ?? work();
}
