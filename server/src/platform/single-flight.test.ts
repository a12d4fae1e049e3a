import { afterEach, describe, expect, it, vi } from 'vitest';
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

  describe('keeping a success for a while', () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    it('gives calls made within keepAnswerMs after a success its answer, then does the work anew', async () => {
      vi.useFakeTimers();
      const flight = new SingleFlight<string>(1_000);
      let runs = 0;
      const work = async () => {
        runs += 1;
        return `answer ${runs}`;
      };
      expect(await flight.run('k', work)).toBe('answer 1');
      await vi.advanceTimersByTimeAsync(999);
      expect(await flight.run('k', work)).toBe('answer 1');
      await vi.advanceTimersByTimeAsync(1);
      expect(await flight.run('k', work)).toBe('answer 2');
      expect(runs).toBe(2);
    });

    it('never keeps an error: the next call does the work again', async () => {
      const flight = new SingleFlight<string>(60_000);
      await expect(flight.run('k', () => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
      expect(await flight.run('k', async () => 'second')).toBe('second');
    });
  });
});
