import { afterEach, describe, expect, it } from 'vitest';
import { forgetRecentSessions, RecentSessions } from './recent-sessions.ts';

interface Row {
  id: string;
}

/** A cache on a clock the test moves, and a database that counts its reads. */
function aCache(recentForMs = 1_000) {
  let now = 0;
  const cache = new RecentSessions<Row>(recentForMs, () => now);
  const reads: string[] = [];
  const rows = new Map<string, Row | null>([['live', { id: 'live' }]]);
  const read = (tokenHash: string) =>
    cache.read(tokenHash, async () => {
      reads.push(tokenHash);
      return rows.get(tokenHash) ?? null;
    });
  const wait = (ms: number) => {
    now += ms;
  };
  return { cache, reads, rows, read, wait };
}

describe('recent sessions', () => {
  afterEach(() => forgetRecentSessions());

  it('answers concurrent requests for one session from one read', async () => {
    const { read, reads } = aCache();
    const answers = await Promise.all([read('live'), read('live'), read('live')]);
    expect(answers).toEqual([{ id: 'live' }, { id: 'live' }, { id: 'live' }]);
    expect(reads).toEqual(['live']);
  });

  it('reads the session again once its read is as old as the bound', async () => {
    const { read, reads, wait } = aCache(1_000);
    await read('live');
    wait(999);
    await read('live');
    expect(reads).toHaveLength(1);
    wait(1);
    await read('live');
    expect(reads).toHaveLength(2);
  });

  it('never keeps a session that is not live: each request reads it again', async () => {
    const { read, reads, cache } = aCache();
    expect(await read('ended')).toBeNull();
    expect(await read('ended')).toBeNull();
    expect(reads).toEqual(['ended', 'ended']);
    expect(cache.size).toBe(0);
  });

  it('keeps no read for a while after a forgetting: the change may not have committed yet', async () => {
    const { read, reads, wait } = aCache(1_000);
    await read('live');
    forgetRecentSessions();
    await read('live');
    wait(999);
    await read('live');
    expect(reads).toHaveLength(3);
    wait(1);
    await read('live');
    await read('live');
    expect(reads).toHaveLength(4);
  });

  it('forgets every kept read when sessions end or a person changes, in every cache', async () => {
    const first = aCache();
    const second = aCache();
    await first.read('live');
    await second.read('live');
    first.rows.set('live', null);
    forgetRecentSessions();
    expect(await first.read('live')).toBeNull();
    await second.read('live');
    expect(first.reads).toHaveLength(2);
    expect(second.reads).toHaveLength(2);
  });

  it('reads again a session its caller dropped', async () => {
    const { read, reads, cache } = aCache();
    await read('live');
    cache.drop('live');
    await read('live');
    expect(reads).toHaveLength(2);
  });

  it('does not keep a read that failed', async () => {
    let now = 0;
    const cache = new RecentSessions<Row>(1_000, () => now);
    await expect(cache.read('live', () => Promise.reject(new Error('connection lost')))).rejects.toThrow();
    now += 1;
    expect(await cache.read('live', async () => ({ id: 'live' }))).toEqual({ id: 'live' });
  });

  it('keeps nothing when told to keep reads for 0 ms', async () => {
    const { read, reads, cache } = aCache(0);
    await Promise.all([read('live'), read('live')]);
    expect(reads).toHaveLength(2);
    expect(cache.size).toBe(0);
  });

  it('lets go of reads past their time, so unused tokens do not stay in memory', async () => {
    const { read, cache, wait } = aCache(1_000);
    await read('live');
    wait(1_000);
    await read('other');
    expect(cache.size).toBe(0);
  });
});
