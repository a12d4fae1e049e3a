import type { PrismaClient } from '@ldn/db';
import DataLoader from 'dataloader';

/**
 * Per-request DataLoaders, made on first use: nested fields batch their reads into one query per
 * kind, so a page's statement count does not grow with its items. Loaders are keyed by the ids of
 * parents that were already reached through a scoped accessor.
 */
export class Loaders {
  private readonly loaders = new Map<string, DataLoader<string, unknown>>();

  constructor(private readonly prisma: PrismaClient) {}

  /** Rows belonging to each parent id (one-to-many), in the order the query returns them. */
  many<Row>(
    name: string,
    load: (prisma: PrismaClient, ids: string[]) => Promise<Row[]>,
    parentOf: (row: Row) => string,
  ): DataLoader<string, Row[]> {
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
  ): DataLoader<string, Row | null> {
    return this.loader(name, async (ids) => {
      const rows = new Map((await load(this.prisma, [...ids])).map((row) => [idOf(row), row]));
      return ids.map((id) => rows.get(id) ?? null);
    });
  }

  private loader<V>(name: string, batch: (ids: readonly string[]) => Promise<V[]>): DataLoader<string, V> {
    let loader = this.loaders.get(name) as DataLoader<string, V> | undefined;
    if (loader === undefined) {
      loader = new DataLoader<string, V>(batch);
      this.loaders.set(name, loader as DataLoader<string, unknown>);
    }
    return loader;
  }
}

/** Whatever holds the request's loaders: every repository does (repository.ts). */
export interface LoaderSource {
  readonly loaders: Loaders;
}
