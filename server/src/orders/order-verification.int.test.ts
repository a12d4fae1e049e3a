import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anOrganisation, aPerson, signIn, TEST_PASSWORD } from '../test/builders.ts';
import { fixedClock, startTestServer, type TestServer } from '../test/harness.ts';
import {
  ACK,
  CAPSULE_PACK,
  COMPOUND,
  CREATE,
  DISPENSE,
  orderWorld,
  READY,
  VERIFY,
} from './order.fixtures.ts';

const NOW = '2026-03-05T12:00:00.000Z';

const RECORD = `query ($id: ID!) { pharmacyOrder(id: $id) { state version
  compounding { compoundedByName compoundedAt compoundedByViewer verifiedByName verifiedAt } } }`;

interface CompoundingRecord {
  compoundedByName: string;
  compoundedAt: string;
  compoundedByViewer: boolean;
  verifiedByName: string | null;
  verifiedAt: string | null;
}

describe('the compounding record: one pharmacist compounds, another verifies', () => {
  let server: TestServer;
  let world: Awaited<ReturnType<typeof orderWorld>>;
  let sequence = 0;

  beforeAll(async () => {
    server = await startTestServer({ clock: fixedClock(NOW) });
    world = await orderWorld(server);
  });
  afterAll(async () => {
    await server?.close();
  });

  const as = (who: keyof typeof world.cookies) => ({ cookie: world.cookies[who] });

  /** An order marked ready (compounded) by the first pharmacist. */
  async function aReadyOrder() {
    const created = await server.graphql<{ createOrder: { id: string; version: number } }>(
      CREATE,
      { trialId: world.trial.id, input: CAPSULE_PACK },
      as('clinician'),
    );
    const { id } = created.data!.createOrder;
    sequence += 1;
    const submitted = await server.graphql<{ submitOrder: { version: number } }>(
      'mutation ($input: SubmitOrderInput!) { submitOrder(input: $input) { version } }',
      {
        input: {
          orderId: id,
          version: created.data!.createOrder.version,
          idempotencyKey: `verify-submit-${sequence}`,
          password: TEST_PASSWORD,
        },
      },
      as('clinician'),
    );
    let version = submitted.data!.submitOrder.version;
    for (const [move, extra] of [
      [ACK, {}],
      [COMPOUND, {}],
      [READY, { lotNumber: 'LOT-V', beyondUseDate: '2026-04-01', compoundedOn: '2026-03-05' }],
    ] as const) {
      const moved = await server.graphql<Record<string, { version: number }>>(
        move,
        { input: { orderId: id, version, ...extra } },
        as('pharmacist'),
      );
      expect(moved.errors).toBeUndefined();
      version = Object.values(moved.data!)[0]!.version;
    }
    return { orderId: id, version };
  }

  const recordOf = async (orderId: string, who: keyof typeof world.cookies = 'pharmacist') =>
    (
      await server.graphql<{
        pharmacyOrder: { state: string; version: number; compounding: CompoundingRecord | null };
      }>(RECORD, { id: orderId }, as(who))
    ).data!.pharmacyOrder;

  const unchanged = async (orderId: string, version: number) =>
    expect(await server.db.prisma.order.findUniqueOrThrow({ where: { id: orderId } })).toMatchObject({
      state: 'READY',
      version,
      verifiedById: null,
      verifiedAt: null,
    });

  it('records who compounded when the order is marked ready, unverified', async () => {
    const { orderId } = await aReadyOrder();
    const pharmacist = await server.db.prisma.user.findUniqueOrThrow({
      where: { id: world.cast.pharmacist.id },
    });
    expect(await recordOf(orderId)).toMatchObject({
      state: 'READY',
      compounding: {
        compoundedByName: pharmacist.name,
        compoundedAt: NOW,
        compoundedByViewer: true,
        verifiedByName: null,
        verifiedAt: null,
      },
    });
    expect((await recordOf(orderId, 'secondPharmacist')).compounding?.compoundedByViewer).toBe(false);
  });

  it('records the second pharmacist’s verification, keeps the order READY, and writes a VERIFY audit row', async () => {
    const order = await aReadyOrder();
    const verified = await server.graphql<{
      verifyOrder: { state: string; version: number; compounding: Partial<CompoundingRecord> };
    }>(VERIFY, { input: order }, as('secondPharmacist'));
    expect(verified.errors).toBeUndefined();
    const second = await server.db.prisma.user.findUniqueOrThrow({
      where: { id: world.cast.secondPharmacist.id },
    });
    expect(verified.data!.verifyOrder).toEqual({
      id: order.orderId,
      state: 'READY',
      version: order.version + 1,
      compounding: { compoundedByName: expect.any(String), verifiedByName: second.name, verifiedAt: NOW },
    });
    const rows = await server.db.prisma.auditLog.findMany({
      where: { action: 'VERIFY', entity: 'Order', entityId: order.orderId },
    });
    expect(rows.map((row) => row.actorId)).toEqual([second.id]);
  });

  it('refuses the pharmacist who compounded the order, and changes nothing', async () => {
    const order = await aReadyOrder();
    const response = await server.graphql(VERIFY, { input: order }, as('pharmacist'));
    expect(response.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'VERIFIER_IS_COMPOUNDER',
    });
    await unchanged(order.orderId, order.version);
  });

  it('refuses to dispense an order no second pharmacist verified, then dispenses it once verified', async () => {
    const order = await aReadyOrder();
    const tracking = { trackingNumber: '1Z999AA10123456784' };
    const early = await server.graphql(DISPENSE, { input: { ...order, ...tracking } }, as('pharmacist'));
    expect(early.errors?.[0]?.extensions).toMatchObject({
      code: 'INVALID_TRANSITION',
      reason: 'NOT_VERIFIED',
    });
    await unchanged(order.orderId, order.version);

    const verified = await server.graphql<{ verifyOrder: { version: number } }>(
      VERIFY,
      { input: order },
      as('secondPharmacist'),
    );
    const dispensed = await server.graphql<{ dispenseOrder: { state: string } }>(
      DISPENSE,
      { input: { orderId: order.orderId, version: verified.data!.verifyOrder.version, ...tracking } },
      as('pharmacist'),
    );
    expect(dispensed.errors).toBeUndefined();
    expect(dispensed.data!.dispenseOrder.state).toBe('DISPENSED');
  });

  it('refuses a second verification and a stale version', async () => {
    const order = await aReadyOrder();
    await server.graphql(VERIFY, { input: order }, as('secondPharmacist'));
    const stale = await server.graphql(VERIFY, { input: order }, as('secondPharmacist'));
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const again = await server.graphql(
      VERIFY,
      { input: { ...order, version: order.version + 1 } },
      as('secondPharmacist'),
    );
    expect(again.errors?.[0]?.extensions?.code).toBe('INVALID_TRANSITION');
  });

  it('refuses to verify an order that is not READY', async () => {
    const created = await server.graphql<{ createOrder: { id: string } }>(
      CREATE,
      { trialId: world.trial.id, input: CAPSULE_PACK },
      as('clinician'),
    );
    const order = await server.db.prisma.order.update({
      where: { id: created.data!.createOrder.id },
      data: { state: 'COMPOUNDING', submittedAt: new Date(NOW) },
    });
    const response = await server.graphql(
      VERIFY,
      { input: { orderId: order.id, version: order.version } },
      as('secondPharmacist'),
    );
    expect(response.errors?.[0]?.extensions).toMatchObject({
      code: 'INVALID_TRANSITION',
      state: 'COMPOUNDING',
    });
  });

  it('answers another pharmacy’s pharmacist as if the order did not exist', async () => {
    const order = await aReadyOrder();
    const elsewhere = await anOrganisation(server.db.prisma, 'PHARMACY');
    const stranger = await signIn(server, await aPerson(server.db.prisma, elsewhere.id, 'PHARMACIST'));
    const response = await server.graphql(VERIFY, { input: order }, { cookie: stranger });
    expect(response.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    await unchanged(order.orderId, order.version);
  });

  it.each(['clinician', 'coordinator', 'admin'] as const)('refuses a %s', async (who) => {
    const order = await aReadyOrder();
    const response = await server.graphql(VERIFY, { input: order }, as(who));
    expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    await unchanged(order.orderId, order.version);
  });
});
