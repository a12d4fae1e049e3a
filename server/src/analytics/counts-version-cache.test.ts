import { describe, expect, it } from 'vitest';
import { CountsVersionCache } from './counts-version-cache.ts';

/** Work that counts its runs and answers `answer` once released. */
function countedWork(answer: string) {
  let runs = 0;
  let release = () => {};
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  return {
    work: async () => {
      runs += 1;
      await gate;
      return answer;
    },
    release: () => release(),
    runs: () => runs,
  };
}

/** Work that answers at once, counting its runs. */
function readyWork(answer: string) {
  const work = countedWork(answer);
  work.release();
  return work;
}

describe('CountsVersionCache', () => {
  it('runs identical concurrent questions once and gives each caller the answer', async () => {
    const cache = new CountsVersionCache<string>();
    const { work, release, runs } = countedWork('figures');
    const answers = Array.from({ length: 8 }, () => cache.run(7n, 'all', work));
    release();
    expect(await Promise.all(answers)).toEqual(Array(8).fill('figures'));
    expect(runs()).toBe(1);
  });

  it('keeps the answer for later calls at the same version, and per question', async () => {
    const cache = new CountsVersionCache<string>();
    const all = readyWork('all');
    const clinic = readyWork('clinic');
    expect(await cache.run(7n, 'all', all.work)).toBe('all');
    expect(await cache.run(7n, 'clinic', clinic.work)).toBe('clinic');
    expect(await cache.run(7n, 'all', all.work)).toBe('all');
    expect([all.runs(), clinic.runs()]).toEqual([1, 1]);
  });

  it('computes again, and forgets older answers, once the version moves on', async () => {
    const cache = new CountsVersionCache<string>();
    const before = readyWork('before');
    const after = readyWork('after');
    await cache.run(7n, 'all', before.work);
    await cache.run(7n, 'clinic', before.work);
    expect(await cache.run(8n, 'all', after.work)).toBe('after');
    expect(cache.size).toBe(1);
    expect(after.runs()).toBe(1);
  });

  it('starts afresh at an older version too (a database recreated under the same client)', async () => {
    const cache = new CountsVersionCache<string>();
    const newer = readyWork('newer');
    const older = readyWork('older');
    await cache.run(9n, 'all', newer.work);
    expect(await cache.run(3n, 'all', older.work)).toBe('older');
    expect(older.runs()).toBe(1);
  });

  it('never keeps an error: the next call runs the work again', async () => {
    const cache = new CountsVersionCache<string>();
    let runs = 0;
    const failing = async () => {
      runs += 1;
      throw new Error('statement cancelled');
    };
    await expect(cache.run(7n, 'all', failing)).rejects.toThrow('statement cancelled');
    await expect(cache.run(7n, 'all', failing)).rejects.toThrow('statement cancelled');
    expect(runs).toBe(2);
    expect(cache.size).toBe(0);
  });

  it('keeps at most 32 answers, the oldest question going first', async () => {
    const cache = new CountsVersionCache<string>();
    for (let n = 0; n < 40; n += 1) await cache.run(7n, `cohort ${n}`, async () => `answer ${n}`);
    expect(cache.size).toBe(32);
    let rerun = false;
    await cache.run(7n, 'cohort 0', async () => {
      rerun = true;
      return 'again';
    });
    expect(rerun).toBe(true);
  });
});
