import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD } from '../test/builders.ts';
import { fixedClock, startTestServer, type TestServer } from '../test/harness.ts';
import { canonicalJson, requestFingerprint } from './idempotency.ts';
import { aTrialInClinic } from './order.builders.ts';
import { CAPSULE_PACK, CREATE, orderWorld, SUBMIT } from './order.fixtures.ts';

const KEY_REUSED = { code: 'CONFLICT', reason: 'IDEMPOTENCY_KEY_REUSED' };

describe('idempotency keys bound to the request', () => {
  let server: TestServer;
  let world: Awaited<ReturnType<typeof orderWorld>>;
  let otherTrialId: string;
  beforeAll(async () => {
    server = await startTestServer({ clock: fixedClock('2026-03-01T15:00:00Z') });
    world = await orderWorld(server);
    const other = await aTrialInClinic(server.db.prisma, {
      clinicId: world.cast.clinic.id,
      prescriberId: world.cast.clinician.id,
    });
    otherTrialId = other.trial.id;
  });
  afterAll(async () => {
    await server?.close();
  });

  const create = (key: string, input: Record<string, unknown> = CAPSULE_PACK, trialId = world.trial.id) =>
    server.graphql<{ createOrder: { id: string; version: number } }>(
      CREATE,
      { trialId, input, key },
      { cookie: world.cookies.clinician },
    );
  const submit = (orderId: string, version: number, idempotencyKey: string) =>
    server.graphql<{ submitOrder: { id: string; state: string } }>(
      SUBMIT,
      { input: { orderId, version, idempotencyKey, password: TEST_PASSWORD } },
      { cookie: world.cookies.clinician },
    );
  const orders = () => server.db.prisma.order.count();

  it('answers an exact retry of createOrder with the first order', async () => {
    const first = await create('retry-key-0001');
    const before = await orders();
    const again = await create('retry-key-0001', { ...CAPSULE_PACK });
    expect(again.errors).toBeUndefined();
    expect(again.data?.createOrder.id).toBe(first.data?.createOrder.id);
    expect(await orders()).toBe(before);
  });

  it('refuses the same key for another trial, and makes no order', async () => {
    const first = await create('trial-key-0001');
    expect(first.errors).toBeUndefined();
    const before = await orders();
    const reused = await create('trial-key-0001', CAPSULE_PACK, otherTrialId);
    expect(reused.data).toBeNull();
    expect(reused.errors?.[0]?.extensions).toMatchObject(KEY_REUSED);
    expect(reused.errors?.[0]?.message).toMatch(/idempotency key/i);
    expect(await orders()).toBe(before);
  });

  it.each([
    ['another number of refills', { ...CAPSULE_PACK, refills: 2 }],
    ['another delivery', { ...CAPSULE_PACK, delivery: 'PICKUP' }],
    [
      'another address',
      { ...CAPSULE_PACK, shipTo: { line1: '1 Other Road', city: 'Eugene', postalCode: '97401' } },
    ],
  ])('refuses the same key with %s', async (_what, input) => {
    const key = `input-key-${Math.random().toString(36).slice(2, 10)}`;
    expect((await create(key)).errors).toBeUndefined();
    const before = await orders();
    const reused = await create(key, input);
    expect(reused.errors?.[0]?.extensions).toMatchObject(KEY_REUSED);
    expect(await orders()).toBe(before);
  });

  it('refuses a submission key reused for another order, which stays a draft', async () => {
    const a = (await create('draft-a-0001')).data!.createOrder;
    const b = (await create('draft-b-0001')).data!.createOrder;
    expect((await submit(a.id, a.version, 'submit-key-0001')).data?.submitOrder.state).toBe('SUBMITTED');
    const exactRetry = await submit(a.id, a.version, 'submit-key-0001');
    expect(exactRetry.data?.submitOrder).toMatchObject({ id: a.id, state: 'SUBMITTED' });
    const reused = await submit(b.id, b.version, 'submit-key-0001');
    expect(reused.errors?.[0]?.extensions).toMatchObject(KEY_REUSED);
    expect(await server.db.prisma.order.findUnique({ where: { id: b.id } })).toMatchObject({
      state: 'DRAFT',
    });
  });

  it('refuses a key stored before fingerprints were kept rather than guess its request', async () => {
    const first = (await create('legacy-key-0001')).data!.createOrder;
    await server.db.prisma.idempotencyKey.updateMany({
      where: { key: 'legacy-key-0001' },
      data: { fingerprint: null },
    });
    const retried = await create('legacy-key-0001');
    expect(retried.errors?.[0]?.extensions).toMatchObject(KEY_REUSED);
    expect(await server.db.prisma.order.count({ where: { id: first.id } })).toBe(1);
  });

  it('makes one order when one key is raced with two different requests', async () => {
    const before = await orders();
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => create('race-key-0001', { ...CAPSULE_PACK, refills: i % 2 })),
    );
    const made = responses.filter((r) => r.errors === undefined);
    const refused = responses.filter((r) => r.errors !== undefined);
    expect(new Set(made.map((r) => r.data?.createOrder.id)).size).toBe(1);
    expect(refused.every((r) => r.errors?.[0]?.extensions?.reason === 'IDEMPOTENCY_KEY_REUSED')).toBe(true);
    expect(refused.length).toBe(10);
    expect(await orders()).toBe(before + 1);
  });
});

describe('a request fingerprint', () => {
  it('ignores the order of keys and undefined members, not values', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, 2], c: undefined } })).toBe('{"a":{"d":[1,2]},"b":1}');
    expect(requestFingerprint('createOrder', { a: 1, b: 2 })).toBe(
      requestFingerprint('createOrder', { b: 2, a: 1 }),
    );
    expect(requestFingerprint('createOrder', { a: 1 })).not.toBe(requestFingerprint('submitOrder', { a: 1 }));
    expect(requestFingerprint('createOrder', { a: 1 })).not.toBe(
      requestFingerprint('createOrder', { a: '1' }),
    );
    expect(requestFingerprint('createOrder', {})).toMatch(/^[0-9a-f]{64}$/);
  });
});
