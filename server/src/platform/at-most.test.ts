import { describe, expect, it } from 'vitest';
import { atMost, Places } from './at-most.ts';

/** Work that ends when the test says so, recording when it started. */
function controlled(started: number[], id: number) {
  let finish: (value: number) => void = () => {};
  const done = new Promise<number>((resolve) => {
    finish = resolve;
  });
  return {
    work: () => {
      started.push(id);
      return done;
    },
    finish: () => finish(id),
  };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('atMost', () => {
  it('starts no more than the limit at once and the waiting ones in arrival order', async () => {
    const limited = atMost(2);
    const started: number[] = [];
    const runs = [1, 2, 3, 4].map((id) => controlled(started, id));
    const answers = runs.map((run) => limited(run.work));
    await settle();
    expect(started).toEqual([1, 2]);
    runs[1]?.finish();
    await settle();
    expect(started).toEqual([1, 2, 3]);
    runs[0]?.finish();
    await settle();
    expect(started).toEqual([1, 2, 3, 4]);
    runs[2]?.finish();
    runs[3]?.finish();
    expect(await Promise.all(answers)).toEqual([1, 2, 3, 4]);
  });

  it('frees the place of work that failed', async () => {
    const limited = atMost(1);
    await expect(limited(() => Promise.reject(new Error('failed')))).rejects.toThrow('failed');
    await expect(limited(async () => 'next')).resolves.toBe('next');
  });

  it('refuses a limit that admits nothing', () => {
    expect(() => atMost(0)).toThrow(RangeError);
    expect(() => atMost(1.5)).toThrow(RangeError);
  });
});

describe('Places', () => {
  it('says how many are taken and waiting, and hands a released place to the first waiting', async () => {
    const places = new Places(2);
    const order: string[] = [];
    await places.take();
    await places.take();
    const third = places.take().then(() => order.push('third'));
    const fourth = places.take().then(() => order.push('fourth'));
    expect([places.taken, places.waiting]).toEqual([2, 2]);
    places.release();
    await third;
    expect([places.taken, places.waiting, order]).toEqual([2, 1, ['third']]);
    places.release();
    await fourth;
    places.release();
    places.release();
    expect([places.taken, places.waiting, order]).toEqual([0, 0, ['third', 'fourth']]);
  });
});
