import type { OrderState } from '@ldn/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD } from '../test/builders.ts';
import { startTestServer, type TestServer } from '../test/harness.ts';
import { CAPSULE_PACK, CREATE, orderWorld } from './order.fixtures.ts';
import { ORDER_TRANSITIONS, type OrderTransition } from './order-transitions.ts';

// Each transition as the API offers it, and who makes it.
const MUTATIONS: Record<
  OrderTransition,
  { mutation: string; input: Record<string, unknown>; as: 'clinician' | 'pharmacist' }
> = {
  submit: {
    mutation: 'submitOrder(input: $input) { id }',
    input: { idempotencyKey: 'table-key-', password: TEST_PASSWORD },
    as: 'clinician',
  },
  cancel: {
    mutation: 'cancelOrder(input: $input) { id }',
    input: { reason: 'No longer needed' },
    as: 'clinician',
  },
  acknowledge: { mutation: 'acknowledgeOrder(input: $input) { id }', input: {}, as: 'pharmacist' },
  startCompounding: { mutation: 'startCompounding(input: $input) { id }', input: {}, as: 'pharmacist' },
  markReady: {
    mutation: 'markReady(input: $input) { id }',
    input: { lotNumber: 'L-1', beyondUseDate: '2026-02-01', compoundedOn: '2026-01-01' },
    as: 'pharmacist',
  },
  dispense: {
    mutation: 'dispenseOrder(input: $input) { id }',
    input: { trackingNumber: '1Z99990001' },
    as: 'pharmacist',
  },
  reject: {
    mutation: 'rejectOrder(input: $input) { id }',
    input: { code: 'OTHER', reason: 'Cannot fill it' },
    as: 'pharmacist',
  },
};
const INPUT_TYPES: Record<OrderTransition, string> = {
  submit: 'SubmitOrderInput',
  cancel: 'ReasonedOrderInput',
  acknowledge: 'OrderVersionInput',
  startCompounding: 'OrderVersionInput',
  markReady: 'MarkReadyInput',
  dispense: 'DispenseOrderInput',
  reject: 'RejectOrderInput',
};
const STATES: OrderState[] = [
  'DRAFT',
  'SUBMITTED',
  'RECEIVED',
  'COMPOUNDING',
  'READY',
  'DISPENSED',
  'REJECTED',
  'CANCELLED',
  'ON_HOLD',
];

const refused = (Object.keys(ORDER_TRANSITIONS) as OrderTransition[]).flatMap((transition) =>
  STATES.filter(
    (state) => !(ORDER_TRANSITIONS[transition].from as readonly OrderState[]).includes(state),
  ).map((state) => [transition, state] as const),
);

describe('every transition the lifecycle does not allow', () => {
  let server: TestServer;
  let world: Awaited<ReturnType<typeof orderWorld>>;
  beforeAll(async () => {
    server = await startTestServer();
    world = await orderWorld(server);
  });
  afterAll(async () => {
    await server?.close();
  });

  it.each(refused)('refuses to %s an order that is %s, and changes nothing', async (transition, state) => {
    const created = await server.graphql<{ createOrder: { id: string } }>(
      CREATE,
      { trialId: world.trial.id, input: CAPSULE_PACK },
      { cookie: world.cookies.clinician },
    );
    const orderId = created.data!.createOrder.id;
    // Put the order straight into the state under test.
    const before = await server.db.prisma.order.update({
      where: { id: orderId },
      data: { state, submittedAt: new Date(), stateBeforeHold: state === 'ON_HOLD' ? 'SUBMITTED' : null },
    });
    const { mutation, input, as } = MUTATIONS[transition];
    const response = await server.graphql(
      `mutation ($input: ${INPUT_TYPES[transition]}!) { ${mutation} }`,
      {
        input: {
          orderId,
          version: before.version,
          ...input,
          ...(transition === 'submit' ? { idempotencyKey: `table-key-${orderId}` } : {}),
        },
      },
      { cookie: world.cookies[as] },
    );
    // The pharmacy never sees drafts: to it a DRAFT is not found at all.
    const expected = as === 'pharmacist' && state === 'DRAFT' ? 'NOT_FOUND' : 'INVALID_TRANSITION';
    expect(response.errors?.[0]?.extensions?.code).toBe(expected);
    const after = await server.db.prisma.order.findUniqueOrThrow({ where: { id: orderId } });
    expect({ state: after.state, version: after.version }).toEqual({ state, version: before.version });
  });
});
