import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD } from '../test/builders.ts';
import { fixedClock, startTestServer, type TestServer } from '../test/harness.ts';
import { aTrialInClinic } from './order.builders.ts';
import {
  ACK,
  CAPSULE_PACK,
  COMPOUND,
  CREATE,
  DISPENSE,
  orderWorld,
  READY,
  REJECT,
  SUBMIT,
  VERIFY,
} from './order.fixtures.ts';

const HOLD =
  'mutation ($trialId: ID!, $input: HoldTrialInput!) { holdTrial(trialId: $trialId, input: $input) { id state } }';
const RESUME =
  'mutation ($trialId: ID!, $input: ResumeTrialInput!) { resumeTrial(trialId: $trialId, input: $input) { id state } }';
const RELEASE = 'mutation ($input: OrderVersionInput!) { releaseOrder(input: $input) { id state } }';
const WORKLIST = 'query ($asOf: LocalDate) { worklist(asOf: $asOf) { code date orderId trial { id } } }';

describe('orders follow their trial, and the worklist shows those needing attention', () => {
  const clock = fixedClock('2026-03-10T15:00:00Z');
  let server: TestServer;
  let world: Awaited<ReturnType<typeof orderWorld>>;
  beforeAll(async () => {
    server = await startTestServer({ clock });
    world = await orderWorld(server);
  });
  afterAll(async () => {
    await server?.close();
  });

  /** A fresh trial with an order moved along `steps` of the pharmacy's path. */
  async function trialWithOrder(
    steps: ('submit' | 'ack' | 'compound' | 'ready' | 'verify' | 'dispense' | 'reject')[],
  ) {
    const { trial } = await aTrialInClinic(server.db.prisma, {
      clinicId: world.cast.clinic.id,
      prescriberId: world.cast.clinician.id,
    });
    const created = await server.graphql<{ createOrder: { id: string; version: number } }>(
      CREATE,
      { trialId: trial.id, input: { ...CAPSULE_PACK, fromDate: '2026-03-01' } },
      { cookie: world.cookies.clinician },
    );
    const orderId = created.data!.createOrder.id;
    let version = created.data!.createOrder.version;
    type Who = 'clinician' | 'pharmacist' | 'secondPharmacist';
    const as = (who: Who) => ({ cookie: world.cookies[who] });
    for (const step of steps) {
      const [mutation, extra, who] = {
        submit: [SUBMIT, { idempotencyKey: `submit-${orderId}`, password: TEST_PASSWORD }, 'clinician'],
        ack: [ACK, {}, 'pharmacist'],
        compound: [COMPOUND, {}, 'pharmacist'],
        ready: [
          READY,
          { lotNumber: 'LOT-1', beyondUseDate: '2026-06-01', compoundedOn: '2026-03-01' },
          'pharmacist',
        ],
        verify: [VERIFY, {}, 'secondPharmacist'],
        dispense: [DISPENSE, { trackingNumber: '1Z99990001', dispensedOn: '2026-03-01' }, 'pharmacist'],
        reject: [REJECT, { code: 'OUT_OF_STOCK', reason: 'Out of stock this week' }, 'pharmacist'],
      }[step] as [string, Record<string, unknown>, Who];
      const { data, errors } = await server.graphql<Record<string, { version: number }>>(
        mutation,
        { input: { orderId, version, ...extra } },
        as(who),
      );
      expect(errors).toBeUndefined();
      version = Object.values(data ?? {})[0]!.version;
    }
    return { trial, orderId };
  }

  it('holds the trial’s open orders with it, in the same transaction, and releases them on resume', async () => {
    const { trial, orderId } = await trialWithOrder(['submit', 'ack', 'compound']);
    const held = await server.graphql(
      HOLD,
      { trialId: trial.id, input: { heldOn: '2026-03-10', reason: 'OPIOID_NEEDED' } },
      { cookie: world.cookies.coordinator },
    );
    expect(held.errors).toBeUndefined();
    expect(await server.db.prisma.order.findUnique({ where: { id: orderId } })).toMatchObject({
      state: 'ON_HOLD',
      stateBeforeHold: 'COMPOUNDING',
    });

    const order = await server.db.prisma.order.findUniqueOrThrow({ where: { id: orderId } });
    const early = await server.graphql(
      RELEASE,
      { input: { orderId, version: order.version } },
      { cookie: world.cookies.pharmacist },
    );
    expect(early.errors?.[0]?.extensions?.code).toBe('INVALID_TRANSITION');

    await server.graphql(
      RESUME,
      { trialId: trial.id, input: { resumedOn: '2026-03-10' } },
      { cookie: world.cookies.coordinator },
    );
    expect(await server.db.prisma.order.findUnique({ where: { id: orderId } })).toMatchObject({
      state: 'COMPOUNDING',
      stateBeforeHold: null,
    });
    const events = await server.db.prisma.orderEvent.findMany({ where: { orderId }, orderBy: { at: 'asc' } });
    expect(events.slice(-2).map((e) => [e.fromState, e.toState])).toEqual([
      ['COMPOUNDING', 'ON_HOLD'],
      ['ON_HOLD', 'COMPOUNDING'],
    ]);
  });

  it('holds orders when an opioid is recorded during the trial', async () => {
    const { trial, orderId } = await trialWithOrder(['submit']);
    const response = await server.graphql(
      'mutation ($patientId: ID!, $input: MedicationInput!) { recordMedication(patientId: $patientId, input: $input) { findings { code } } }',
      {
        patientId: trial.patientId,
        input: { drug: 'Oxycodone/acetaminophen 5/325 mg', startedOn: '2026-03-09' },
      },
      { cookie: world.cookies.coordinator },
    );
    expect(response.errors).toBeUndefined();
    expect(await server.db.prisma.order.findUnique({ where: { id: orderId } })).toMatchObject({
      state: 'ON_HOLD',
      stateBeforeHold: 'SUBMITTED',
    });
  });

  it('leaves dispensed and cancelled orders alone when the trial goes on hold', async () => {
    const { trial, orderId } = await trialWithOrder([
      'submit',
      'ack',
      'compound',
      'ready',
      'verify',
      'dispense',
    ]);
    await server.graphql(
      HOLD,
      { trialId: trial.id, input: { heldOn: '2026-03-10', reason: 'ADVERSE_EFFECT' } },
      { cookie: world.cookies.coordinator },
    );
    expect(await server.db.prisma.order.findUnique({ where: { id: orderId } })).toMatchObject({
      state: 'DISPENSED',
    });
  });

  it('lists rejected orders, held orders and refills running out on the worklist', async () => {
    const rejected = await trialWithOrder(['submit', 'reject']);
    const dispensed = await trialWithOrder(['submit', 'ack', 'compound', 'ready', 'verify', 'dispense']);
    // The dispensed pack covers 14 + 14 + 30 = 58 nights from 03-01: it runs out on 04-27.
    const before = await server.graphql<{ worklist: { code: string; orderId: string | null }[] }>(
      WORKLIST,
      { asOf: '2026-04-19' },
      { cookie: world.cookies.coordinator },
    );
    const codesFor = (items: { code: string; orderId: string | null }[], orderId: string) =>
      items.filter((i) => i.orderId === orderId).map((i) => i.code);
    expect(codesFor(before.data!.worklist, rejected.orderId)).toEqual(['ORDER_REJECTED']);
    expect(codesFor(before.data!.worklist, dispensed.orderId)).toEqual([]);
    const after = await server.graphql<{
      worklist: { code: string; orderId: string | null; date: string }[];
    }>(WORKLIST, { asOf: '2026-04-20' }, { cookie: world.cookies.coordinator });
    expect(after.data!.worklist.filter((i) => i.orderId === dispensed.orderId)).toEqual([
      {
        code: 'REFILL_RUNNING_OUT',
        date: '2026-04-27',
        orderId: dispensed.orderId,
        trial: { id: dispensed.trial.id },
      },
    ]);
    const other = await server.graphql<{ worklist: unknown[] }>(
      WORKLIST,
      { asOf: '2026-04-20' },
      { cookie: world.cookies.otherClinician },
    );
    expect(other.data?.worklist).toEqual([]);
  });

  it('shows a trial’s orders on the trial', async () => {
    const { trial, orderId } = await trialWithOrder(['submit']);
    const response = await server.graphql<{ trial: { orders: { id: string; state: string }[] } }>(
      'query ($id: ID!) { trial(id: $id) { orders { id state } } }',
      { id: trial.id },
      { cookie: world.cookies.coordinator },
    );
    expect(response.data?.trial.orders).toEqual([{ id: orderId, state: 'SUBMITTED' }]);
  });
});
