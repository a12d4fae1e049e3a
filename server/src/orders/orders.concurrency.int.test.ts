import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD } from '../test/builders.ts';
import { startTestServer, type TestServer } from '../test/harness.ts';
import { ACK, CAPSULE_PACK, CREATE, orderWorld, SUBMIT } from './order.fixtures.ts';

describe('orders under concurrency', () => {
  let server: TestServer;
  let world: Awaited<ReturnType<typeof orderWorld>>;
  beforeAll(async () => {
    server = await startTestServer();
    world = await orderWorld(server);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('makes one order when the same idempotency key is sent 50 times at once', async () => {
    const before = await server.db.prisma.order.count();
    const responses = await Promise.all(
      Array.from({ length: 50 }, () =>
        server.graphql<{ createOrder: { id: string } }>(
          CREATE,
          { trialId: world.trial.id, input: CAPSULE_PACK, key: 'double-click-0001' },
          { cookie: world.cookies.clinician },
        ),
      ),
    );
    expect(responses.flatMap((r) => r.errors ?? [])).toEqual([]);
    const ids = new Set(responses.map((r) => r.data?.createOrder.id));
    expect(ids.size).toBe(1);
    expect(await server.db.prisma.order.count()).toBe(before + 1);
  });

  it('submits a draft once when the same submission is retried 50 times at once', async () => {
    const draft = await server.graphql<{ createOrder: { id: string; version: number } }>(
      CREATE,
      { trialId: world.trial.id, input: CAPSULE_PACK },
      { cookie: world.cookies.clinician },
    );
    const { id, version } = draft.data!.createOrder;
    const responses = await Promise.all(
      Array.from({ length: 50 }, () =>
        server.graphql<{ submitOrder: { id: string; state: string } }>(
          SUBMIT,
          { input: { orderId: id, version, idempotencyKey: 'submit-click-0001', password: TEST_PASSWORD } },
          { cookie: world.cookies.clinician },
        ),
      ),
    );
    expect(responses.flatMap((r) => r.errors ?? [])).toEqual([]);
    expect(new Set(responses.map((r) => r.data?.submitOrder.state))).toEqual(new Set(['SUBMITTED']));
    const events = await server.db.prisma.orderEvent.count({ where: { orderId: id, toState: 'SUBMITTED' } });
    expect(events).toBe(1);
  });

  it('lets exactly one of two people moving the same version win', async () => {
    const draft = await server.graphql<{ createOrder: { id: string; version: number } }>(
      CREATE,
      { trialId: world.trial.id, input: CAPSULE_PACK },
      { cookie: world.cookies.clinician },
    );
    const { id, version } = draft.data!.createOrder;
    const sent = await server.graphql<{ submitOrder: { version: number } }>(
      SUBMIT,
      { input: { orderId: id, version, idempotencyKey: `submit-${id}`, password: TEST_PASSWORD } },
      { cookie: world.cookies.clinician },
    );
    const submittedVersion = sent.data!.submitOrder.version;
    const [first, second] = await Promise.all([
      server.graphql(
        ACK,
        { input: { orderId: id, version: submittedVersion } },
        { cookie: world.cookies.pharmacist },
      ),
      server.graphql(
        'mutation ($input: ReasonedOrderInput!) { cancelOrder(input: $input) { id } }',
        { input: { orderId: id, version: submittedVersion, reason: 'Changed our mind' } },
        { cookie: world.cookies.coordinator },
      ),
    ]);
    const outcomes = [first, second].map((r) =>
      r.errors === undefined ? 'won' : r.errors[0]?.extensions?.code,
    );
    expect(outcomes.filter((o) => o === 'won')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'CONFLICT')).toHaveLength(1);
    const transitions = await server.db.prisma.orderEvent.count({
      where: { orderId: id, fromState: 'SUBMITTED' },
    });
    expect(transitions).toBe(1);
  });

  it('refuses and audits each signature of a batch signed at once with a wrong password', async () => {
    const drafts = [];
    for (let i = 0; i < 3; i += 1) {
      const draft = await server.graphql<{ createOrder: { id: string; version: number } }>(
        CREATE,
        { trialId: world.trial.id, input: CAPSULE_PACK },
        { cookie: world.cookies.clinician },
      );
      drafts.push(draft.data!.createOrder);
    }
    const responses = await Promise.all(
      drafts.map(({ id, version }) =>
        server.graphql(
          SUBMIT,
          { input: { orderId: id, version, idempotencyKey: `wrong-${id}`, password: 'not the password' } },
          { cookie: world.cookies.clinician },
        ),
      ),
    );
    expect(responses.map((r) => r.errors?.[0]?.extensions?.code)).toEqual(
      drafts.map(() => 'SIGNATURE_INVALID'),
    );
    const refused = await server.db.prisma.auditLog.findMany({
      where: { action: 'SIGNATURE_REFUSED', entityId: { in: drafts.map((draft) => draft.id) } },
    });
    expect(refused).toHaveLength(3);
    // Then the right password: the account is not locked by one shared wrong guess.
    const [first] = drafts;
    const retried = await server.graphql(
      SUBMIT,
      {
        input: {
          orderId: first?.id,
          version: first?.version,
          idempotencyKey: 'wrong-then-right',
          password: TEST_PASSWORD,
        },
      },
      { cookie: world.cookies.clinician },
    );
    expect(retried.errors).toBeUndefined();
  });
});
