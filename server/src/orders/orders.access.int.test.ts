import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anOrganisation, aPerson, signIn, TEST_PASSWORD } from '../test/builders.ts';
import { startTestServer, type TestServer } from '../test/harness.ts';
import { ACK, CAPSULE_PACK, CREATE, orderWorld, SUBMIT } from './order.fixtures.ts';

const QUEUE = `query ($states: [OrderState!]) { pharmacyQueue(states: $states) { edges { node { id state clinicName
  patient { givenName familyName dateOfBirth phone addressLine1 allergies } } } pageInfo { hasNextPage } } }`;

describe('who sees and moves orders', () => {
  let server: TestServer;
  let world: Awaited<ReturnType<typeof orderWorld>>;
  let orderId: string;
  let version: number;
  let otherPharmacist: string;
  beforeAll(async () => {
    server = await startTestServer();
    world = await orderWorld(server);
    const draft = await server.graphql<{ createOrder: { id: string; version: number } }>(
      CREATE,
      { trialId: world.trial.id, input: CAPSULE_PACK },
      { cookie: world.cookies.clinician },
    );
    orderId = draft.data!.createOrder.id;
    const sent = await server.graphql<{ submitOrder: { version: number } }>(
      SUBMIT,
      {
        input: {
          orderId,
          version: draft.data!.createOrder.version,
          idempotencyKey: `submit-${orderId}`,
          password: TEST_PASSWORD,
        },
      },
      { cookie: world.cookies.clinician },
    );
    version = sent.data!.submitOrder.version;
    const elsewhere = await anOrganisation(server.db.prisma, 'PHARMACY', 'Other pharmacy');
    otherPharmacist = await signIn(server, await aPerson(server.db.prisma, elsewhere.id, 'PHARMACIST'));
  });
  afterAll(async () => {
    await server?.close();
  });

  it('puts a submitted order in its pharmacy’s queue with only the patient details it needs', async () => {
    const { data } = await server.graphql<{ pharmacyQueue: { edges: { node: Record<string, unknown> }[] } }>(
      QUEUE,
      {},
      { cookie: world.cookies.pharmacist },
    );
    expect(data?.pharmacyQueue.edges.map((e) => e.node)).toEqual([
      {
        id: orderId,
        state: 'SUBMITTED',
        clinicName: 'Clinic A',
        patient: {
          givenName: 'Maria',
          familyName: 'Alvarez',
          dateOfBirth: '1970-04-02',
          phone: '555-0101',
          addressLine1: '12 Elm Street',
          allergies: 'Lactose',
        },
      },
    ]);
  });

  it('filters the queue by state', async () => {
    const { data } = await server.graphql<{ pharmacyQueue: { edges: unknown[] } }>(
      QUEUE,
      { states: ['READY'] },
      { cookie: world.cookies.pharmacist },
    );
    expect(data?.pharmacyQueue.edges).toEqual([]);
  });

  it('shows another pharmacy nothing: an empty queue, and NOT_FOUND by id', async () => {
    const queue = await server.graphql<{ pharmacyQueue: { edges: unknown[] } }>(
      QUEUE,
      {},
      { cookie: otherPharmacist },
    );
    expect(queue.data?.pharmacyQueue.edges).toEqual([]);
    const byId = await server.graphql(
      'query ($id: ID!) { pharmacyOrder(id: $id) { id } }',
      { id: orderId },
      { cookie: otherPharmacist },
    );
    expect(byId.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const move = await server.graphql(ACK, { input: { orderId, version } }, { cookie: otherPharmacist });
    expect(move.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('offers no clinical field on the pharmacy’s types, by any path', async () => {
    const { data } = await server.graphql<{
      __schema: { types: { name: string; fields: { name: string; type: unknown }[] | null }[] };
    }>('{ __schema { types { name fields { name } } } }');
    const types = new Map(data!.__schema.types.map((t) => [t.name, (t.fields ?? []).map((f) => f.name)]));
    expect(types.get('OrderPatient')?.sort()).toEqual(
      [
        'addressLine1',
        'addressLine2',
        'allergies',
        'city',
        'dateOfBirth',
        'familyName',
        'givenName',
        'phone',
        'postalCode',
        'region',
      ].sort(),
    );
    const reachable = ['PharmacyOrder', 'OrderPatient', 'OrderLine', 'OrderEvent'].flatMap(
      (t) => types.get(t) ?? [],
    );
    for (const clinical of [
      'trial',
      'trials',
      'scores',
      'symptomScores',
      'priorTherapies',
      'medications',
      'patientId',
      'trialId',
      'mrn',
      'assessments',
    ]) {
      expect(reachable).not.toContain(clinical);
    }
  });

  it.each(['clinician', 'coordinator', 'admin'] as const)(
    'refuses the pharmacy queue to a %s (FORBIDDEN)',
    async (who) => {
      const response = await server.graphql(QUEUE, {}, { cookie: world.cookies[who] });
      expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    },
  );

  it('refuses clinic order operations to a pharmacist (FORBIDDEN)', async () => {
    const response = await server.graphql(
      CREATE,
      { trialId: world.trial.id, input: CAPSULE_PACK },
      { cookie: world.cookies.pharmacist },
    );
    expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses submission to a coordinator (only a clinician signs)', async () => {
    const draft = await server.graphql<{ createOrder: { id: string; version: number } }>(
      CREATE,
      { trialId: world.trial.id, input: CAPSULE_PACK },
      { cookie: world.cookies.coordinator },
    );
    expect(draft.data?.createOrder.id).toBeDefined();
    const response = await server.graphql(
      SUBMIT,
      {
        input: {
          orderId: draft.data!.createOrder.id,
          version: draft.data!.createOrder.version,
          idempotencyKey: 'coordinator-try',
          password: TEST_PASSWORD,
        },
      },
      { cookie: world.cookies.coordinator },
    );
    expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('answers another clinic NOT_FOUND for the order and its trial', async () => {
    const byId = await server.graphql(
      'query ($id: ID!) { order(id: $id) { id } }',
      { id: orderId },
      { cookie: world.cookies.otherClinician },
    );
    expect(byId.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const create = await server.graphql(
      CREATE,
      { trialId: world.trial.id, input: CAPSULE_PACK },
      { cookie: world.cookies.otherClinician },
    );
    expect(create.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('answers NOT_FOUND for an id that is not an id at all', async () => {
    const response = await server.graphql(
      'query ($id: ID!) { pharmacyOrder(id: $id) { id } }',
      { id: "1' OR '1'='1" },
      { cookie: world.cookies.pharmacist },
    );
    expect(response.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
