import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CANCEL, CAPSULE_PACK, CREATE, orderWorld, READY, REJECT, SUBMIT } from '../orders/order.fixtures.ts';
import { TEST_PASSWORD } from '../test/builders.ts';
import { fixedClock, startTestServer, type TestServer } from '../test/harness.ts';

// The bad inputs of issue 14, each refused as BAD_USER_INPUT naming the field, with nothing written.

const REGISTER = 'mutation ($input: RegisterPatientInput!) { registerPatient(input: $input) { id } }';
const UPDATE = `mutation ($id: ID!, $version: Int!, $input: UpdatePatientInput!) {
  updatePatient(id: $id, version: $version, input: $input) { id } }`;
const ACK = 'mutation ($input: OrderVersionInput!) { acknowledgeOrder(input: $input) { id version } }';
const COMPOUND = 'mutation ($input: OrderVersionInput!) { startCompounding(input: $input) { id version } }';

describe('bad input is refused at the edge', () => {
  let server: TestServer;
  let world: Awaited<ReturnType<typeof orderWorld>>;
  beforeAll(async () => {
    server = await startTestServer({ clock: fixedClock('2026-03-01T15:00:00Z') });
    world = await orderWorld(server);
  });
  afterAll(async () => {
    await server?.close();
  });

  const as = (who: keyof typeof world.cookies) => ({ cookie: world.cookies[who] });
  const expectRefused = (
    response: { errors?: { extensions?: Record<string, unknown> }[] },
    field: string,
  ) => {
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  };
  const aPatient = { mrn: 'MRN-IN-1', givenName: 'Ada', familyName: 'Quill', dateOfBirth: '1970-01-01' };

  it.each([
    // Outside any date's range: refused by the LocalDate scalar, named as graphql-js names a variable's field.
    ['a date of birth in year 0000', { dateOfBirth: '0000-01-01' }, 'input.dateOfBirth'],
    ['a date of birth in 1800', { dateOfBirth: '1800-01-01' }, 'input.dateOfBirth'],
    ['a date of birth tomorrow', { dateOfBirth: '2026-03-02' }, 'dateOfBirth'],
    ['a NUL in a name', { givenName: 'Ad\u0000a' }, 'givenName'],
    ['a bell in a name', { familyName: 'Qu\u0007ill' }, 'familyName'],
    ['a line break in a name', { familyName: 'Qu\nill' }, 'familyName'],
    ['DEL in an MRN', { mrn: 'MRN\u007f1' }, 'mrn'],
    ['a name of spaces', { givenName: '   ' }, 'givenName'],
    ['a 1,000,000-character address', { addressLine1: 'x'.repeat(1_000_000) }, 'addressLine1'],
  ])('refuses %s and registers no one', async (_what, change, field) => {
    const before = await server.db.prisma.patient.count();
    expectRefused(
      await server.graphql(REGISTER, { input: { ...aPatient, ...change } }, as('clinician')),
      field,
    );
    expect(await server.db.prisma.patient.count()).toBe(before);
  });

  it('keeps line breaks in free text, stores required text trimmed, and takes a 1900 birth date', async () => {
    const { data, errors } = await server.graphql<{ registerPatient: { id: string } }>(
      REGISTER,
      {
        input: {
          ...aPatient,
          givenName: '  Ada ',
          dateOfBirth: '1900-01-01',
          allergies: 'Lactose\nPenicillin',
        },
      },
      as('clinician'),
    );
    expect(errors).toBeUndefined();
    const stored = await server.db.prisma.patient.findUniqueOrThrow({
      where: { id: data!.registerPatient.id },
    });
    expect(stored).toMatchObject({ givenName: 'Ada', allergies: 'Lactose\nPenicillin' });
  });

  it('refuses a control character in a changed name and changes nothing', async () => {
    const patient = world.patient;
    const response = await server.graphql(
      UPDATE,
      { id: patient.id, version: patient.version, input: { givenName: 'Ma\u001bria' } },
      as('clinician'),
    );
    expectRefused(response, 'givenName');
    expect(await server.db.prisma.patient.findUniqueOrThrow({ where: { id: patient.id } })).toMatchObject({
      givenName: 'Maria',
      version: patient.version,
    });
  });

  it.each([
    [
      'a 1,000,000-character shipTo.line1',
      { shipTo: { line1: 'x'.repeat(1_000_000), city: 'Eugene', postalCode: '97401' } },
      'shipTo.line1',
    ],
    [
      'a NUL in shipTo.city',
      { shipTo: { line1: '1 Road', city: 'Eu\u0000gene', postalCode: '97401' } },
      'shipTo.city',
    ],
    ['a fromDate in 1900', { fromDate: '1900-01-01' }, 'fromDate'],
    ['a fromDate in 2199', { fromDate: '2199-01-01' }, 'fromDate'],
  ])('refuses an order with %s and makes none', async (_what, change, field) => {
    const before = await server.db.prisma.order.count();
    const response = await server.graphql(
      CREATE,
      { trialId: world.trial.id, input: { ...CAPSULE_PACK, ...change } },
      as('clinician'),
    );
    expectRefused(response, field);
    expect(await server.db.prisma.order.count()).toBe(before);
  });

  /** A submitted order, and its version. */
  const aSubmittedOrder = async () => {
    const draft = (
      await server.graphql<{ createOrder: { id: string; version: number } }>(
        CREATE,
        { trialId: world.trial.id, input: CAPSULE_PACK },
        as('clinician'),
      )
    ).data!.createOrder;
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
      as('clinician'),
    );
    return { id: draft.id, version: sent.data!.submitOrder.version };
  };

  it.each([
    ['rejectOrder', REJECT, 'pharmacist'],
    ['cancelOrder', CANCEL, 'coordinator'],
  ] as const)(
    '%s refuses a reason of only spaces and leaves the order as it was',
    async (_name, mutation, who) => {
      const order = await aSubmittedOrder();
      for (const reason of ['   ', ' \n\t ', ' a ']) {
        const response = await server.graphql(
          mutation,
          {
            input: {
              orderId: order.id,
              version: order.version,
              reason,
              ...(who === 'pharmacist' && { code: 'OTHER' }),
            },
          },
          as(who),
        );
        expectRefused(response, 'reason');
      }
      expect(await server.db.prisma.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({
        state: 'SUBMITTED',
        version: order.version,
      });
    },
  );

  it('markReady refuses a blank lot number and leaves the order compounding', async () => {
    const order = await aSubmittedOrder();
    const ack = await server.graphql<{ acknowledgeOrder: { version: number } }>(
      ACK,
      { input: { orderId: order.id, version: order.version } },
      as('pharmacist'),
    );
    const comp = await server.graphql<{ startCompounding: { version: number } }>(
      COMPOUND,
      { input: { orderId: order.id, version: ack.data!.acknowledgeOrder.version } },
      as('pharmacist'),
    );
    const version = comp.data!.startCompounding.version;
    for (const lotNumber of ['', '   ', 'LOT\u00001']) {
      const response = await server.graphql(
        READY,
        {
          input: {
            orderId: order.id,
            version,
            lotNumber,
            beyondUseDate: '2026-04-01',
            compoundedOn: '2026-03-01',
          },
        },
        as('pharmacist'),
      );
      expectRefused(response, 'lotNumber');
    }
    expect(await server.db.prisma.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({
      state: 'COMPOUNDING',
      lotNumber: null,
    });
  });

  it('refuses a whitespace-only reason for a correction, an argument of its own', async () => {
    const response = await server.graphql(
      'mutation ($id: ID!) { markMedicationEnteredInError(medicationId: $id, version: 1, reason: "  \\n ") { id } }',
      { id: world.patient.id },
      as('clinician'),
    );
    expectRefused(response, 'reason');
  });
});
