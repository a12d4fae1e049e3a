import type { PrismaClient } from '@ldn/db';
import DataLoader from 'dataloader';

/**
 * A DataLoader that also answers at once with a value it already holds, primed or loaded (`known`).
 * A field whose value a page's statement already read (the worklist's patients, a trial's events)
 * then resolves without a promise: on a 480-item worklist, thousands fewer (issue #16).
 */
export class RequestLoader<V> extends DataLoader<string, V> {
  readonly #known = new Map<string, V>();
  /** Keys asked for: a later prime of one is ignored by DataLoader, so here too. */
  readonly #asked = new Set<string>();

  override load(key: string): Promise<V> {
    this.#asked.add(key);
    return super.load(key);
  }

  override prime(key: string, value: V | PromiseLike<V> | Error): this {
    if (!this.#asked.has(key) && !this.#known.has(key) && !(value instanceof Error) && !isThenable(value))
      this.#known.set(key, value as V);
    return super.prime(key, value);
  }

  override clear(key: string): this {
    this.#known.delete(key);
    this.#asked.delete(key);
    return super.clear(key);
  }

  override clearAll(): this {
    this.#known.clear();
    this.#asked.clear();
    return super.clearAll();
  }

  /** The value held for `key` (undefined when not held: use `load`). */
  known(key: string): V | undefined {
    return this.#known.get(key);
  }

  /** The value at once when held, else a load of it. */
  now(key: string): V | Promise<V> {
    return this.#known.has(key) ? (this.#known.get(key) as V) : this.load(key);
  }

  /** Remembers what a batch loaded, so later fields read it at once. */
  remember(keys: readonly string[], values: readonly V[]): void {
    keys.forEach((key, index) => {
      if (!this.#known.has(key)) this.#known.set(key, values[index] as V);
    });
  }
}

const isThenable = (value: unknown): value is PromiseLike<unknown> =>
  typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';

/**
 * Per-request DataLoaders, made on first use: nested fields batch their reads into one query per
 * kind, so a page's statement count does not grow with its items. Loaders are keyed by the ids of
 * parents that were already reached through a scoped accessor.
 */
export class Loaders {
  private readonly loaders = new Map<string, RequestLoader<unknown>>();

  constructor(private readonly prisma: PrismaClient) {}

  /** Rows belonging to each parent id (one-to-many), in the order the query returns them. */
  many<Row>(
    name: string,
    load: (prisma: PrismaClient, ids: string[]) => Promise<Row[]>,
    parentOf: (row: Row) => string,
  ): RequestLoader<Row[]> {
    return this.loader(name, async (ids) => {
      const rows = await load(this.prisma, [...ids]);
      const byParent = new Map<string, Row[]>();
      for (const row of rows) {
        const list = byParent.get(parentOf(row)) ?? [];
        list.push(row);
        byParent.set(parentOf(row), list);
      }
      return ids.map((id) => byParent.get(id) ?? []);
    });
  }

  /** The row with each id (or null), e.g. the patient of a trial. */
  one<Row>(
    name: string,
    load: (prisma: PrismaClient, ids: string[]) => Promise<Row[]>,
    idOf: (row: Row) => string,
  ): RequestLoader<Row | null> {
    return this.loader(name, async (ids) => {
      const rows = new Map((await load(this.prisma, [...ids])).map((row) => [idOf(row), row]));
      return ids.map((id) => rows.get(id) ?? null);
    });
  }

  private loader<V>(name: string, batch: (ids: readonly string[]) => Promise<V[]>): RequestLoader<V> {
    let loader = this.loaders.get(name) as RequestLoader<V> | undefined;
    if (loader === undefined) {
      const made: RequestLoader<V> = new RequestLoader<V>(async (ids) => {
        const values = await batch(ids);
        made.remember(ids, values);
        return values;
      });
      loader = made;
      this.loaders.set(name, loader as RequestLoader<unknown>);
    }
    return loader;
  }
}

/** Whatever holds the request's loaders: every repository does (repository.ts). */
export interface LoaderSource {
  readonly loaders: Loaders;
}
