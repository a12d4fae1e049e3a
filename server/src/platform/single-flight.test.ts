import { describe, expect, it } from 'vitest';
import { SingleFlight } from './single-flight.ts';

/** A promise and the functions that settle it. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('SingleFlight', () => {
  it('gives overlapping calls with one key the first call’s answer, doing the work once', async () => {
    const flight = new SingleFlight<string>();
    const first = deferred<string>();
    let runs = 0;
    const work = () => {
      runs += 1;
      return first.promise;
    };
    const calls = [flight.run('k', work), flight.run('k', work), flight.run('k', work)];
    first.resolve('order-1');
    expect(await Promise.all(calls)).toEqual(['order-1', 'order-1', 'order-1']);
    expect(runs).toBe(1);
  });

  it('gives overlapping calls the first call’s error too', async () => {
    const flight = new SingleFlight<string>();
    const first = deferred<string>();
    const calls = [flight.run('k', () => first.promise), flight.run('k', () => Promise.resolve('other'))];
    first.reject(new Error('refused'));
    for (const call of calls) await expect(call).rejects.toThrow('refused');
  });

  it('runs calls with different keys each on their own', async () => {
    const flight = new SingleFlight<string>();
    expect(await Promise.all([flight.run('a', async () => 'A'), flight.run('b', async () => 'B')])).toEqual([
      'A',
      'B',
    ]);
  });

  it('does the work again for a call made after the first ended, whether it succeeded or failed', async () => {
    const flight = new SingleFlight<string>();
    await expect(flight.run('k', () => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
    expect(await flight.run('k', async () => 'second')).toBe('second');
    expect(await flight.run('k', async () => 'third')).toBe('third');
  });
});
