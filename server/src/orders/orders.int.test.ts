import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anOrganisation, TEST_PASSWORD } from '../test/builders.ts';
import { fixedClock, startTestServer, type TestServer } from '../test/harness.ts';
import { aTrialInClinic } from './order.builders.ts';
import {
  ACK,
  CANCEL,
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

describe('an order from a trial to the pharmacy and back', () => {
  let server: TestServer;
  let world: Awaited<ReturnType<typeof orderWorld>>;
  beforeAll(async () => {
    server = await startTestServer({ clock: fixedClock('2026-03-01T15:00:00Z') });
    world = await orderWorld(server);
  });
  afterAll(async () => {
    await server?.close();
  });

  const create = async (input: Record<string, unknown> = CAPSULE_PACK, cookie = world.cookies.coordinator) =>
    server.graphql<{ createOrder: Record<string, unknown> & { id: string; version: number } }>(
      CREATE,
      { trialId: world.trial.id, input },
      { cookie },
    );

  it('makes a titration pack of 14 nights 1.5 mg, 14 nights 3.0 mg, then 4.5 mg, as a DRAFT', async () => {
    const { data, errors } = await create();
    expect(errors).toBeUndefined();
    expect(data?.createOrder).toMatchObject({
      state: 'DRAFT',
      kind: 'TITRATION_PACK',
      allergies: 'Lactose',
      prescriberNpi: '1234567893',
      pharmacyName: 'Pharmacy P',
      lines: [
        {
          nightlyDoseMg: 1.5,
          quantity: 14,
          daysSupply: 14,
          startsOn: '2026-03-01',
          directions: 'Take one 1.5 mg capsule by mouth at bedtime for 14 nights',
        },
        { nightlyDoseMg: 3, quantity: 14, daysSupply: 14, startsOn: '2026-03-15' },
        { nightlyDoseMg: 4.5, quantity: 30, daysSupply: 30, startsOn: '2026-03-29' },
      ],
      totalDaysSupply: 58,
    });
  });

  it('lives through submit, acknowledge, compounding, ready with lot and BUD, and dispensing', async () => {
    const draft = (await create()).data!.createOrder;
    const submitted = await server.graphql<{ submitOrder: { state: string; version: number } }>(
      SUBMIT,
      {
        input: {
          orderId: draft.id,
          version: draft.version,
          idempotencyKey: `submit-${draft.id}`,
          password: TEST_PASSWORD,
        },
      },
      { cookie: world.cookies.clinician },
    );
    expect(submitted.data?.submitOrder.state).toBe('SUBMITTED');
    let version = submitted.data!.submitOrder.version;
    // The second pharmacist verifies what the first compounded before it is dispensed.
    for (const [mutation, extra, state, who] of [
      [ACK, {}, 'RECEIVED', 'pharmacist'],
      [COMPOUND, {}, 'COMPOUNDING', 'pharmacist'],
      [
        READY,
        { lotNumber: 'LOT-26-0301', beyondUseDate: '2026-08-28', compoundedOn: '2026-03-01' },
        'READY',
        'pharmacist',
      ],
      [VERIFY, {}, 'READY', 'secondPharmacist'],
      [
        DISPENSE,
        { trackingNumber: '1Z999AA10123456784', dispensedOn: '2026-03-01' },
        'DISPENSED',
        'pharmacist',
      ],
    ] as const) {
      const { data, errors } = await server.graphql<Record<string, { state: string; version: number }>>(
        mutation,
        { input: { orderId: draft.id, version, ...extra } },
        { cookie: world.cookies[who] },
      );
      expect(errors).toBeUndefined();
      const moved = Object.values(data ?? {})[0]!;
      expect(moved.state).toBe(state);
      version = moved.version;
    }
    const events = await server.db.prisma.orderEvent.findMany({
      where: { orderId: draft.id },
      orderBy: { at: 'asc' },
    });
    expect(events.map((e) => `${e.fromState ?? '∅'}→${e.toState}`)).toEqual([
      '∅→DRAFT',
      'DRAFT→SUBMITTED',
      'SUBMITTED→RECEIVED',
      'RECEIVED→COMPOUNDING',
      'COMPOUNDING→READY',
      'READY→DISPENSED',
    ]);
  });

  it('shows the clinic why the pharmacy rejected an order', async () => {
    const draft = (await create()).data!.createOrder;
    const sent = await server.graphql<{ submitOrder: { version: number } }>(
      SUBMIT,
      {
        input: {
          orderId: draft.id,
          version: draft.version,
          idempotencyKey: `submit-${draft.id}`,
          password: TEST_PASSWORD,
        },
      },
      { cookie: world.cookies.clinician },
    );
    const rejected = await server.graphql<{ rejectOrder: { state: string } }>(
      REJECT,
      {
        input: {
          orderId: draft.id,
          version: sent.data!.submitOrder.version,
          code: 'OUT_OF_STOCK',
          reason: 'Strength not available this week',
        },
      },
      { cookie: world.cookies.pharmacist },
    );
    expect(rejected.data?.rejectOrder.state).toBe('REJECTED');
    const seen = await server.graphql<{ order: { rejectionReason: string; state: string } }>(
      `query ($id: ID!) { order(id: $id) { state rejectionReason } }`,
      { id: draft.id },
      { cookie: world.cookies.coordinator },
    );
    expect(seen.data?.order).toEqual({
      state: 'REJECTED',
      rejectionReason: 'Strength not available this week',
    });
  });

  it('lets the clinic cancel while DRAFT, SUBMITTED or RECEIVED, and not once compounding', async () => {
    const draft = (await create()).data!.createOrder;
    const cancelled = await server.graphql<{ cancelOrder: { state: string } }>(
      CANCEL,
      { input: { orderId: draft.id, version: draft.version, reason: 'Patient chose pick-up elsewhere' } },
      { cookie: world.cookies.coordinator },
    );
    expect(cancelled.data?.cancelOrder.state).toBe('CANCELLED');

    const other = (await create()).data!.createOrder;
    const sent = await server.graphql<{ submitOrder: { version: number } }>(
      SUBMIT,
      {
        input: {
          orderId: other.id,
          version: other.version,
          idempotencyKey: `submit-${other.id}`,
          password: TEST_PASSWORD,
        },
      },
      { cookie: world.cookies.clinician },
    );
    const ack = await server.graphql<{ acknowledgeOrder: { version: number } }>(
      ACK,
      { input: { orderId: other.id, version: sent.data!.submitOrder.version } },
      { cookie: world.cookies.pharmacist },
    );
    const compounding = await server.graphql<{ startCompounding: { version: number } }>(
      COMPOUND,
      { input: { orderId: other.id, version: ack.data!.acknowledgeOrder.version } },
      { cookie: world.cookies.pharmacist },
    );
    const late = await server.graphql(
      CANCEL,
      {
        input: {
          orderId: other.id,
          version: compounding.data!.startCompounding.version,
          reason: 'Too late now',
        },
      },
      { cookie: world.cookies.coordinator },
    );
    expect(late.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_TRANSITION', state: 'COMPOUNDING' });
  });

  it.each([
    ['acknowledge a DRAFT', ACK, {}],
    ['start compounding a DRAFT', COMPOUND, {}],
    ['mark a DRAFT ready', READY, { lotNumber: 'L1', beyondUseDate: '2026-04-01' }],
    ['dispense a DRAFT', DISPENSE, { trackingNumber: '1Z9999' }],
  ])('refuses to %s (the pharmacy never sees drafts)', async (_what, mutation, extra) => {
    const draft = (await create()).data!.createOrder;
    const response = await server.graphql(
      mutation,
      { input: { orderId: draft.id, version: draft.version, ...extra } },
      { cookie: world.cookies.pharmacist },
    );
    expect(response.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it.each([
    ['compounding before acknowledging', [COMPOUND, {}]],
    ['marking ready before compounding', [READY, { lotNumber: 'L1', beyondUseDate: '2026-04-01' }]],
    ['dispensing before ready', [DISPENSE, { trackingNumber: '1Z9999' }]],
  ] as const)('refuses %s with INVALID_TRANSITION and changes nothing', async (_what, [mutation, extra]) => {
    const draft = (await create()).data!.createOrder;
    const sent = await server.graphql<{ submitOrder: { version: number } }>(
      SUBMIT,
      {
        input: {
          orderId: draft.id,
          version: draft.version,
          idempotencyKey: `submit-${draft.id}`,
          password: TEST_PASSWORD,
        },
      },
      { cookie: world.cookies.clinician },
    );
    const version = sent.data!.submitOrder.version;
    const response = await server.graphql(
      mutation,
      { input: { orderId: draft.id, version, ...extra } },
      { cookie: world.cookies.pharmacist },
    );
    expect(response.errors?.[0]?.extensions).toMatchObject({
      code: 'INVALID_TRANSITION',
      state: 'SUBMITTED',
    });
    expect(await server.db.prisma.order.findUnique({ where: { id: draft.id } })).toMatchObject({
      state: 'SUBMITTED',
      version,
    });
  });

  it('refuses a stale version with CONFLICT', async () => {
    const draft = (await create()).data!.createOrder;
    const response = await server.graphql(
      SUBMIT,
      {
        input: {
          orderId: draft.id,
          version: draft.version + 1,
          idempotencyKey: `stale-${draft.id}`,
          password: TEST_PASSWORD,
        },
      },
      { cookie: world.cookies.clinician },
    );
    expect(response.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  /** A shipped capsule pack, submitted, acknowledged and being compounded. */
  const aCompoundingOrder = async () => {
    const draft = (await create()).data!.createOrder;
    const sent = await server.graphql<{ submitOrder: { version: number } }>(
      SUBMIT,
      {
        input: {
          orderId: draft.id,
          version: draft.version,
          idempotencyKey: `submit-${draft.id}`,
          password: TEST_PASSWORD,
        },
      },
      { cookie: world.cookies.clinician },
    );
    const ack = await server.graphql<{ acknowledgeOrder: { version: number } }>(
      ACK,
      { input: { orderId: draft.id, version: sent.data!.submitOrder.version } },
      { cookie: world.cookies.pharmacist },
    );
    const comp = await server.graphql<{ startCompounding: { version: number } }>(
      COMPOUND,
      { input: { orderId: draft.id, version: ack.data!.acknowledgeOrder.version } },
      { cookie: world.cookies.pharmacist },
    );
    return { id: draft.id, version: comp.data!.startCompounding.version };
  };

  it('asks for a reason when the beyond-use date is past the USP <795> default (180 days for capsules)', async () => {
    const { id: orderId, version } = await aCompoundingOrder();
    const ready = (extra: Record<string, unknown>) =>
      server.graphql<{ markReady: { state: string } }>(
        READY,
        { input: { orderId, version, lotNumber: 'L-1', compoundedOn: '2026-03-01', ...extra } },
        { cookie: world.cookies.pharmacist },
      );
    const tooLate = await ready({ beyondUseDate: '2026-08-29' }); // day 181
    expect(tooLate.errors?.[0]?.extensions?.code).toBe('OVERRIDE_REQUIRED');
    // An explicit null is no reason, exactly like a reason left out.
    const nullReason = await ready({ beyondUseDate: '2026-08-29', budReason: null });
    expect(nullReason.errors?.[0]?.extensions?.code).toBe('OVERRIDE_REQUIRED');
    const withReason = await ready({
      beyondUseDate: '2026-08-29',
      budReason: 'Stability study SS-114 supports 12 months',
    });
    expect(withReason.data?.markReady.state).toBe('READY');
  });

  it.each([
    ['left out', {}],
    ['null', { trackingNumber: null }],
  ])('refuses to dispense a shipped order with the tracking number %s', async (_case, tracking) => {
    const compounding = await aCompoundingOrder();
    const ready = await server.graphql<{ markReady: { version: number } }>(
      READY,
      {
        input: {
          orderId: compounding.id,
          version: compounding.version,
          lotNumber: 'L-2',
          beyondUseDate: '2026-06-01',
        },
      },
      { cookie: world.cookies.pharmacist },
    );
    const version = ready.data!.markReady.version;
    const response = await server.graphql(
      DISPENSE,
      { input: { orderId: compounding.id, version, ...tracking } },
      { cookie: world.cookies.pharmacist },
    );
    expect(response.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'trackingNumber',
    });
    expect(await server.db.prisma.order.findUnique({ where: { id: compounding.id } })).toMatchObject({
      state: 'READY',
      version,
    });
  });

  it('refuses a queue cursor it did not give out, an id that is not a record id included', async () => {
    const cursor = Buffer.from(JSON.stringify(['2026-03-01T00:00:00.000Z', 'not-a-uuid'])).toString(
      'base64url',
    );
    const response = await server.graphql(
      'query ($after: String) { pharmacyQueue(after: $after) { pageInfo { hasNextPage } } }',
      { after: cursor },
      { cookie: world.cookies.pharmacist },
    );
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  describe('no path reaches a dose above 4.5 mg', () => {
    it.each([5, 45, 50, 4.55])(
      'refuses a %s mg single-strength order as a RULE_VIOLATION',
      async (doseMg) => {
        const before = await server.db.prisma.order.count();
        const response = await create({ ...CAPSULE_PACK, kind: 'SINGLE_STRENGTH', doseMg, daysSupply: 30 });
        expect(response.errors?.[0]?.extensions?.code).toBe('RULE_VIOLATION');
        expect(await server.db.prisma.order.count()).toBe(before);
      },
    );

    it('refuses to edit a draft up to 5.0 mg, leaving it as it was', async () => {
      const draft = (await create({ ...CAPSULE_PACK, kind: 'SINGLE_STRENGTH', doseMg: 4.5, daysSupply: 30 }))
        .data!.createOrder;
      const response = await server.graphql(
        `mutation ($order: OrderVersionInput!, $input: OrderInput!) { updateOrderDraft(order: $order, input: $input) { id } }`,
        {
          order: { orderId: draft.id, version: draft.version },
          input: { ...CAPSULE_PACK, kind: 'SINGLE_STRENGTH', doseMg: 5, daysSupply: 30 },
        },
        { cookie: world.cookies.coordinator },
      );
      expect(response.errors?.[0]?.extensions?.code).toBe('RULE_VIOLATION');
      const lines = await server.db.prisma.orderLine.findMany({ where: { orderId: draft.id } });
      expect(lines.map((l) => Number(l.nightlyDoseMg))).toEqual([4.5]);
    });

    it('edits a draft to another allowed strength', async () => {
      const draft = (await create({ ...CAPSULE_PACK, kind: 'SINGLE_STRENGTH', doseMg: 4.5, daysSupply: 30 }))
        .data!.createOrder;
      const response = await server.graphql<{
        updateOrderDraft: { version: number; lines: { nightlyDoseMg: number }[] };
      }>(
        `mutation ($order: OrderVersionInput!, $input: OrderInput!) { updateOrderDraft(order: $order, input: $input) { version lines { nightlyDoseMg } } }`,
        {
          order: { orderId: draft.id, version: draft.version },
          input: { ...CAPSULE_PACK, kind: 'SINGLE_STRENGTH', doseMg: 3, daysSupply: 30 },
        },
        { cookie: world.cookies.coordinator },
      );
      expect(response.data?.updateOrderDraft).toEqual({
        version: draft.version + 1,
        lines: [{ nightlyDoseMg: 3 }],
      });
    });
  });

  it('refuses a pharmacy the clinic may not use, naming the field', async () => {
    const elsewhere = await anOrganisation(server.db.prisma, 'PHARMACY', 'Not allowed');
    const response = await create({ ...CAPSULE_PACK, pharmacyId: elsewhere.id });
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'pharmacyId' });
  });

  it('refuses an order whose prescriber has no valid NPI', async () => {
    await server.db.prisma.user.update({
      where: { id: world.cast.clinician.id },
      data: { npi: '1234567890' },
    });
    try {
      const response = await create(CAPSULE_PACK, world.cookies.clinician);
      expect(response.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'prescriberNpi',
      });
    } finally {
      await server.db.prisma.user.update({
        where: { id: world.cast.clinician.id },
        data: { npi: '1234567893' },
      });
    }
  });

  it('follows the schedule as recorded: a pack ordered after the first step starts at 3.0 mg', async () => {
    const { trial } = await aTrialInClinic(server.db.prisma, {
      clinicId: world.cast.clinic.id,
      prescriberId: world.cast.clinician.id,
      startDate: '2026-02-01',
      doseChanges: [['2026-02-15', 3]],
    });
    const response = await server.graphql<{
      createOrder: { lines: { nightlyDoseMg: number; startsOn: string; daysSupply: number }[] };
    }>(
      CREATE,
      { trialId: trial.id, input: { ...CAPSULE_PACK, fromDate: '2026-02-20' } },
      { cookie: world.cookies.coordinator },
    );
    expect(response.data?.createOrder.lines).toMatchObject([
      { nightlyDoseMg: 3, startsOn: '2026-02-20', daysSupply: 9 },
      { nightlyDoseMg: 4.5, startsOn: '2026-03-01', daysSupply: 30 },
    ]);
  });
});
