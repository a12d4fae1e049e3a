import { REJECTION_REASONS } from '@ldn/rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD } from '../test/builders.ts';
import { startTestServer, type TestServer } from '../test/harness.ts';
import { CAPSULE_PACK, CREATE, orderWorld, REJECT } from './order.fixtures.ts';

const CLINIC_VIEW = `query ($id: ID!) { order(id: $id) { state rejectionCode rejectionReason events { toState reason } } }`;

describe('coded reasons for rejecting an order', () => {
  let server: TestServer;
  let world: Awaited<ReturnType<typeof orderWorld>>;
  let sequence = 0;

  beforeAll(async () => {
    server = await startTestServer();
    world = await orderWorld(server);
  });
  afterAll(async () => {
    await server?.close();
  });

  async function aSubmittedOrder() {
    const created = await server.graphql<{ createOrder: { id: string; version: number } }>(
      CREATE,
      { trialId: world.trial.id, input: CAPSULE_PACK },
      { cookie: world.cookies.clinician },
    );
    const { id, version } = created.data!.createOrder;
    sequence += 1;
    const sent = await server.graphql<{ submitOrder: { version: number } }>(
      'mutation ($input: SubmitOrderInput!) { submitOrder(input: $input) { version } }',
      {
        input: { orderId: id, version, idempotencyKey: `reject-submit-${sequence}`, password: TEST_PASSWORD },
      },
      { cookie: world.cookies.clinician },
    );
    return { id, version: sent.data!.submitOrder.version };
  }

  const reject = (input: Record<string, unknown>, cookie = world.cookies.pharmacist) =>
    server.graphql<{ rejectOrder: { state: string; rejectionCode: string; rejectionReason: string | null } }>(
      REJECT,
      { input },
      { cookie },
    );

  it.each(Object.keys(REJECTION_REASONS).filter((code) => code !== 'OTHER'))(
    'rejects as %s without a note, and the clinic reads the reason',
    async (code) => {
      const order = await aSubmittedOrder();
      const response = await reject({ orderId: order.id, version: order.version, code });
      expect(response.errors).toBeUndefined();
      expect(response.data?.rejectOrder).toMatchObject({
        state: 'REJECTED',
        rejectionCode: code,
        rejectionReason: null,
      });
      const seen = await server.graphql<{
        order: { rejectionCode: string; events: { toState: string; reason: string | null }[] };
      }>(CLINIC_VIEW, { id: order.id }, { cookie: world.cookies.clinician });
      expect(seen.data?.order.rejectionCode).toBe(code);
      expect(seen.data?.order.events.at(-1)).toEqual({
        toState: 'REJECTED',
        reason: REJECTION_REASONS[code as keyof typeof REJECTION_REASONS],
      });
    },
  );

  it('keeps the note the pharmacist adds to a coded reason', async () => {
    const order = await aSubmittedOrder();
    await reject({
      orderId: order.id,
      version: order.version,
      code: 'OUT_OF_STOCK',
      reason: 'Back on Monday',
    });
    const seen = await server.graphql<{ order: { rejectionCode: string; rejectionReason: string } }>(
      CLINIC_VIEW,
      { id: order.id },
      { cookie: world.cookies.clinician },
    );
    expect(seen.data?.order).toMatchObject({
      rejectionCode: 'OUT_OF_STOCK',
      rejectionReason: 'Back on Monday',
    });
  });

  it('refuses OTHER without a note, leaving the order submitted', async () => {
    const order = await aSubmittedOrder();
    const response = await reject({ orderId: order.id, version: order.version, code: 'OTHER' });
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    expect(await server.db.prisma.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({
      state: 'SUBMITTED',
      version: order.version,
      rejectionCode: null,
    });
  });

  it('refuses a code that is not on the list', async () => {
    const order = await aSubmittedOrder();
    const response = await reject({ orderId: order.id, version: order.version, code: 'BAD_WEATHER' });
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await server.db.prisma.order.findUniqueOrThrow({ where: { id: order.id } })).state).toBe(
      'SUBMITTED',
    );
  });

  it.each(['clinician', 'coordinator', 'admin'] as const)('refuses a rejection by a %s', async (role) => {
    const order = await aSubmittedOrder();
    const response = await reject(
      { orderId: order.id, version: order.version, code: 'DUPLICATE' },
      world.cookies[role],
    );
    expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
