import { describe, expect, it } from 'vitest';
import type { Change } from './change.type.ts';
import { changesHeard } from './change-stream.ts';
import type { DatabaseChange } from './database-change.ts';

/** The feed's one method the stream uses, driven by the test. */
function aFeed() {
  const listeners = new Set<(change: DatabaseChange) => void>();
  return {
    onChange(listener: (change: DatabaseChange) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    announce: (change: DatabaseChange) => {
      for (const listener of listeners) listener(change);
    },
    listening: () => listeners.size,
  };
}

const asHeard = (change: DatabaseChange): Change | null =>
  change.clinicId === 'c1'
    ? {
        entity: change.entity,
        id: change.id,
        patientId: null,
        trialId: null,
        orderId: change.orderId ?? null,
      }
    : null;

describe('the changes one subscriber hears', () => {
  it('hears what its audience lets through, in order, and nothing else', async () => {
    const feed = aFeed();
    const stream = changesHeard(feed, asHeard);
    feed.announce({ entity: 'Order', id: 'o1', orderId: 'o1', clinicId: 'c1' });
    feed.announce({ entity: 'Order', id: 'o2', orderId: 'o2', clinicId: 'c2' });
    feed.announce({ entity: 'OrderEvent', id: 'e1', orderId: 'o1', clinicId: 'c1' });
    expect((await stream.next()).value).toMatchObject({ entity: 'Order', id: 'o1' });
    expect((await stream.next()).value).toMatchObject({ entity: 'OrderEvent', id: 'e1' });
  });

  it('hands a change straight to a subscriber already waiting', async () => {
    const feed = aFeed();
    const stream = changesHeard(feed, asHeard);
    const next = stream.next();
    feed.announce({ entity: 'Patient', id: 'p1', clinicId: 'c1' });
    expect((await next).value).toMatchObject({ entity: 'Patient', id: 'p1' });
  });

  it('queues a record once while it waits for a slow socket', async () => {
    const feed = aFeed();
    const stream = changesHeard(feed, asHeard);
    for (let n = 0; n < 3; n++) feed.announce({ entity: 'Order', id: 'o1', clinicId: 'c1' });
    feed.announce({ entity: 'Order', id: 'o2', clinicId: 'c1' });
    expect((await stream.next()).value).toMatchObject({ id: 'o1' });
    expect((await stream.next()).value).toMatchObject({ id: 'o2' });
    // Taken off the queue, the record is heard again when it changes again.
    feed.announce({ entity: 'Order', id: 'o1', clinicId: 'c1' });
    expect((await stream.next()).value).toMatchObject({ id: 'o1' });
  });

  it('stops listening when the subscriber leaves, ending a wait in progress', async () => {
    const feed = aFeed();
    const stream = changesHeard(feed, asHeard);
    const waiting = stream.next();
    expect(feed.listening()).toBe(1);
    await stream.return?.();
    expect(await waiting).toEqual({ value: undefined, done: true });
    expect(feed.listening()).toBe(0);
    expect(await stream.next()).toEqual({ value: undefined, done: true });
  });
});
