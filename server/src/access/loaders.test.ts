import type { PrismaClient } from '@ldn/db';
import { describe, expect, it } from 'vitest';
import { Loaders } from './loaders.ts';

// What a request's loader answers at once (`now`, `known`) and what it must still load. The rows
// come from a function of this test: the cache is what is tested, not a query.

interface Row {
  id: string;
  name: string;
}

function patientsLoader() {
  const batches: string[][] = [];
  const loaders = new Loaders({} as PrismaClient);
  const loader = loaders.one<Row>(
    'patients',
    async (_prisma, ids) => {
      batches.push(ids);
      return ids.filter((id) => id !== 'gone').map((id) => ({ id, name: `loaded ${id}` }));
    },
    (row) => row.id,
  );
  return { loader, batches };
}

describe('a request loader (access/loaders.ts)', () => {
  it('answers a primed row at once, and a row it has not got with a load', async () => {
    const { loader, batches } = patientsLoader();
    loader.prime('a', { id: 'a', name: 'primed a' });
    expect(loader.now('a')).toEqual({ id: 'a', name: 'primed a' });
    const b = loader.now('b');
    expect(b).toBeInstanceOf(Promise);
    expect(await b).toEqual({ id: 'b', name: 'loaded b' });
    expect(batches).toEqual([['b']]);
  });

  it('answers at once what a batch loaded, a missing row as null', async () => {
    const { loader, batches } = patientsLoader();
    await Promise.all([loader.load('c'), loader.load('gone')]);
    expect(loader.now('c')).toEqual({ id: 'c', name: 'loaded c' });
    expect(loader.known('gone')).toBeNull();
    expect(loader.now('gone')).toBeNull();
    expect(batches).toEqual([['c', 'gone']]);
  });

  it('ignores a prime of a key already asked for, as DataLoader does, so both answer alike', async () => {
    const { loader } = patientsLoader();
    const asked = loader.load('d');
    loader.prime('d', { id: 'd', name: 'primed too late' });
    expect(loader.known('d')).toBeUndefined();
    expect(await asked).toEqual({ id: 'd', name: 'loaded d' });
    expect(loader.now('d')).toEqual({ id: 'd', name: 'loaded d' });
  });

  it('forgets a cleared key, and answers it again with a load', async () => {
    const { loader, batches } = patientsLoader();
    loader.prime('e', { id: 'e', name: 'primed e' });
    loader.clear('e');
    expect(loader.known('e')).toBeUndefined();
    expect(await loader.now('e')).toEqual({ id: 'e', name: 'loaded e' });
    expect(batches).toEqual([['e']]);
  });
});
