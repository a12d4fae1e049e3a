import { signedOrderContentHash } from '@ldn/db';
import { addDays } from '@ldn/rules';
import { type FieldNode, type OperationDefinitionNode, parse, print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_THROTTLE } from '../auth/throttle.ts';
import { dbDate } from '../graphql/scalars.ts';
import { type Api, anOrganisation, aPerson, apiAs, signIn, TEST_PASSWORD } from '../test/builders.ts';
import { fixedClock, startTestServer, type TestServer } from '../test/harness.ts';
import { portalDocument } from '../test/portal-documents.ts';
import { allowPharmacy, anOrderRow, aTrialInClinic } from './order.builders.ts';
import { ACK, CAPSULE_PACK, CREATE, orderWorld, REJECT } from './order.fixtures.ts';

const QUEUE = `query ($states: [OrderState!], $search: String, $first: Int, $after: String) {
  pharmacyQueue(states: $states, search: $search, first: $first, after: $after) {
    edges { cursor node { id rxNumber needBy state patient { familyName } } }
    pageInfo { hasNextPage endCursor }
    counts { state count }
  }
}`;

interface QueueNode {
  id: string;
  rxNumber: number | null;
  needBy: string | null;
  state: string;
  patient: { familyName: string };
}
interface Queue {
  edges: { cursor: string; node: QueueNode }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  counts: { state: string; count: number }[];
}

// The portal's own documents (web/src/features/pharmacy/api/), so a field the queue or the order's
// page gains is counted and compared here too.
const QUEUE_PAGE = portalDocument('pharmacy/api/queue.ts');
const ORDER_PAGE = portalDocument('pharmacy/api/order.ts');

/** The queue with every field of an order that the order's own page shows. */
const QUEUE_AS_ORDER_PAGE = (() => {
  const operation = parse(ORDER_PAGE).definitions[0] as OperationDefinitionNode;
  const order = operation.selectionSet.selections[0] as FieldNode;
  if (order.selectionSet === undefined) throw new Error("no fields in the portal's order page");
  return `query ($states: [OrderState!], $first: Int!, $after: String) {
    pharmacyQueue(states: $states, first: $first, after: $after) {
      edges { node ${print(order.selectionSet)} }
      pageInfo { hasNextPage endCursor }
    }
  }`;
})();

interface PortalOrder {
  id: string;
  signature: { matchesOrder: boolean } | null;
}
interface PortalQueue {
  edges: { node: PortalOrder }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  counts: { state: string; count: number }[];
}

const clock = fixedClock('2026-03-05T12:00:00Z');

describe('the pharmacy bench: Rx numbers, need-by dates, queue search and counts', () => {
  let server: TestServer;
  let world: Awaited<ReturnType<typeof orderWorld>>;
  let bergTrialId: string;
  let otherPharmacyId: string;
  let otherPharmacist: string;
  let sequence = 0;

  beforeAll(async () => {
    // Fifty signatures at once by one clinician: every password check is in flight together, which
    // the sign-in throttle counts against its limit before it knows they are right.
    server = await startTestServer({
      clock,
      throttle: { ...DEFAULT_THROTTLE, maxFailures: 100, delayStepMs: 0 },
    });
    world = await orderWorld(server);
    const prisma = server.db.prisma;
    const berg = await aTrialInClinic(prisma, {
      clinicId: world.cast.clinic.id,
      prescriberId: world.cast.clinician.id,
    });
    await prisma.patient.update({
      where: { id: berg.patient.id },
      data: { givenName: 'Jonas', familyName: 'Berg', dateOfBirth: dbDate('1982-11-30') },
    });
    bergTrialId = berg.trial.id;
    const otherPharmacy = await anOrganisation(prisma, 'PHARMACY');
    otherPharmacyId = otherPharmacy.id;
    await allowPharmacy(prisma, world.cast.clinic.id, otherPharmacy.id);
    // Allowing a pharmacy makes it the clinic's default: orders go to the first one unless told.
    await prisma.organisation.update({
      where: { id: world.cast.clinic.id },
      data: { defaultPharmacyId: world.cast.pharmacy.id },
    });
    otherPharmacist = await signIn(server, await aPerson(prisma, otherPharmacy.id, 'PHARMACIST'));
  });
  afterAll(async () => {
    await server?.close();
  });

  async function draft(input: Record<string, unknown> = {}, trialId = world.trial.id) {
    const created = await server.graphql<{ createOrder: { id: string; version: number } }>(
      `mutation ($trialId: ID!, $input: OrderInput!) { createOrder(trialId: $trialId, input: $input) { id version rxNumber needBy lines { startsOn } } }`,
      { trialId, input: { ...CAPSULE_PACK, ...input } },
      { cookie: world.cookies.clinician },
    );
    expect(created.errors).toBeUndefined();
    return created.data!.createOrder as {
      id: string;
      version: number;
      rxNumber: number | null;
      needBy: string;
      lines: { startsOn: string }[];
    };
  }

  function submit(order: { id: string; version: number }) {
    sequence += 1;
    return server.graphql<{ submitOrder: { id: string; version: number; rxNumber: number } }>(
      'mutation ($input: SubmitOrderInput!) { submitOrder(input: $input) { id version rxNumber } }',
      {
        input: {
          orderId: order.id,
          version: order.version,
          idempotencyKey: `bench-submit-${sequence}`,
          password: TEST_PASSWORD,
        },
      },
      { cookie: world.cookies.clinician },
    );
  }

  async function submitted(input: Record<string, unknown> = {}, trialId = world.trial.id) {
    const response = await submit(await draft(input, trialId));
    expect(response.errors).toBeUndefined();
    return response.data!.submitOrder;
  }

  async function queue(variables: Record<string, unknown>, cookie = world.cookies.pharmacist) {
    const response = await server.graphql<{ pharmacyQueue: Queue }>(QUEUE, variables, { cookie });
    expect(response.errors).toBeUndefined();
    return response.data!.pharmacyQueue;
  }

  it('gives a draft no Rx number and each submitted order the next one of its pharmacy', async () => {
    const unsent = await draft();
    expect(unsent.rxNumber).toBeNull();
    const first = await submitted();
    const second = await submitted();
    expect(second.rxNumber).toBe(first.rxNumber + 1);
    // Another pharmacy counts on its own: its first order is its number 1.
    const elsewhere = await submitted({ pharmacyId: otherPharmacyId });
    expect(elsewhere.rxNumber).toBe(1);
    expect((await submitted()).rxNumber).toBe(second.rxNumber + 1);
  });

  it('gives 50 submissions at once 50 distinct consecutive Rx numbers', async () => {
    const drafts = [];
    for (let n = 0; n < 50; n += 1) drafts.push(await draft());
    const before = await server.db.prisma.pharmacyRxCounter.findUniqueOrThrow({
      where: { pharmacyId: world.cast.pharmacy.id },
    });
    const responses = await Promise.all(drafts.map((order) => submit(order)));
    expect(responses.flatMap((r) => r.errors ?? [])).toEqual([]);
    const numbers = responses.map((r) => r.data!.submitOrder.rxNumber).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 50 }, (_, n) => before.lastRxNumber + 1 + n));
  });

  it('defaults the need-by date to the first night covered and keeps a date the clinic chose', async () => {
    const defaulted = await draft();
    expect(defaulted.needBy).toBe(defaulted.lines[0]?.startsOn);
    const today = clock.today();
    const chosen = await draft({ needBy: addDays(today, 3) });
    expect(chosen.needBy).toBe(addDays(today, 3));
  });

  it.each([
    ['yesterday', -1],
    ['more than a year ahead', 367],
  ])('refuses a need-by date %s, writing nothing', async (_, days) => {
    const before = await server.db.prisma.order.count();
    const response = await server.graphql(
      CREATE,
      { trialId: world.trial.id, input: { ...CAPSULE_PACK, needBy: addDays(clock.today(), days) } },
      { cookie: world.cookies.clinician },
    );
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await server.db.prisma.order.count()).toBe(before);
  });

  it('finds an order by its Rx number, its patient’s name or date of birth', async () => {
    const berg = await submitted({}, bergTrialId);
    for (const search of [`Rx ${berg.rxNumber}`, String(berg.rxNumber)]) {
      const found = await queue({ search });
      expect(found.edges.map((e) => e.node.id)).toEqual([berg.id]);
    }
    for (const search of ['berg', 'JONAS BERG', '1982-11-30']) {
      const found = await queue({ search, first: 100 });
      expect(found.edges.length).toBeGreaterThan(0);
      expect(new Set(found.edges.map((e) => e.node.patient.familyName))).toEqual(new Set(['Berg']));
    }
    // A typed % or _ is a character to find, not a wildcard.
    for (const search of ['nobody-by-this-name', '%', '_'])
      expect((await queue({ search })).edges).toEqual([]);
  });

  it('never finds another pharmacy’s orders, by Rx number or patient', async () => {
    const ours = await submitted({}, bergTrialId);
    for (const search of [String(ours.rxNumber), 'Berg', '1982-11-30']) {
      const found = await queue({ search, first: 100 }, otherPharmacist);
      expect(found.edges.map((e) => e.node.id)).not.toContain(ours.id);
    }
    const berg = await queue({ search: 'Berg' }, otherPharmacist);
    expect(berg.edges).toEqual([]);
    expect(berg.counts).toEqual([]);
  });

  it('counts the orders of each state the search matches, whatever states are listed', async () => {
    const rejected = await submitted({}, bergTrialId);
    const reject = await server.graphql(
      REJECT,
      { input: { orderId: rejected.id, version: rejected.version, code: 'DUPLICATE' } },
      { cookie: world.cookies.pharmacist },
    );
    expect(reject.errors).toBeUndefined();
    const all = await queue({ search: 'Berg', first: 100 });
    const expected = new Map<string, number>();
    for (const { node } of all.edges) expected.set(node.state, (expected.get(node.state) ?? 0) + 1);
    const listedSubmitted = await queue({ search: 'Berg', states: ['SUBMITTED'] });
    // A state with no order gives an empty page, still with the counts.
    const listedNone = await queue({ search: 'Berg', states: ['COMPOUNDING'] });
    expect(listedNone.edges).toEqual([]);
    for (const counts of [all.counts, listedSubmitted.counts, listedNone.counts]) {
      expect(new Map(counts.map((c) => [c.state, c.count]))).toEqual(expected);
    }
    expect(expected.get('REJECTED')).toBeGreaterThanOrEqual(1);
  });

  it('lists open orders by need-by date, page after page, and finished ones newest first', async () => {
    const today = clock.today();
    const later = await submitted({ needBy: addDays(today, 40) });
    const sooner = await submitted({ needBy: addDays(today, 1) });
    const seen: QueueNode[] = [];
    let after: string | null = null;
    do {
      const page: Queue = await queue({ states: ['SUBMITTED', 'RECEIVED'], first: 7, after });
      seen.push(...page.edges.map((e) => e.node));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after !== null);
    const needBys = seen.map((node) => node.needBy ?? '9999-12-31');
    expect(needBys).toEqual([...needBys].sort());
    expect(new Set(seen.map((node) => node.id)).size).toBe(seen.length);
    const ids = seen.map((node) => node.id);
    expect(ids.indexOf(sooner.id)).toBeLessThan(ids.indexOf(later.id));

    const acknowledged = await server.graphql(
      ACK,
      { input: { orderId: later.id, version: later.version } },
      { cookie: world.cookies.pharmacist },
    );
    expect(acknowledged.errors).toBeUndefined();
    const done = await queue({ states: ['REJECTED', 'CANCELLED', 'DISPENSED'], first: 100 });
    expect(done.edges.length).toBeGreaterThan(0);
    const newest = await server.db.prisma.order.findMany({
      where: { pharmacyId: world.cast.pharmacy.id, state: { in: ['REJECTED', 'CANCELLED', 'DISPENSED'] } },
      orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }],
    });
    expect(done.edges.map((e) => e.node.id)).toEqual(newest.map((order) => order.id));
  });

  it('refuses a cursor it did not give out', async () => {
    const response = await server.graphql(
      QUEUE,
      { after: Buffer.from('["NEED_BY",null,null,"1; DROP"]').toString('base64url') },
      { cookie: world.cookies.pharmacist },
    );
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it.each(['clinician', 'coordinator', 'admin'] as const)('refuses the queue to a %s', async (role) => {
    const response = await server.graphql(QUEUE, { search: 'Berg' }, { cookie: world.cookies[role] });
    expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  describe('at any page size, in the portal’s own documents', () => {
    /**
     * A pharmacy of its own with `count` signed orders waiting, each for a patient of its own (no
     * need-by date nor Rx number, as orders written before either existed), and its pharmacist.
     */
    async function aPharmacyWithOrders(count: number): Promise<{ pharmacist: Api; orderIds: string[] }> {
      const prisma = server.db.prisma;
      const pharmacy = await anOrganisation(prisma, 'PHARMACY');
      const orderIds: string[] = [];
      for (let n = 0; n < count; n += 1) {
        const { trial, patient } = await aTrialInClinic(prisma, {
          clinicId: world.cast.clinic.id,
          prescriberId: world.cast.clinician.id,
        });
        const order = await anOrderRow(prisma, trial, pharmacy.id, {
          state: 'SUBMITTED',
          createdAt: '2026-06-29',
          daysSupply: [14, 14],
        });
        const lines = await prisma.orderLine.findMany({ where: { orderId: order.id } });
        const signed = await prisma.patient.findUniqueOrThrow({
          where: { id: patient.id },
          select: { id: true, mrn: true, givenName: true, familyName: true, dateOfBirth: true },
        });
        await prisma.orderSignature.create({
          data: {
            orderId: order.id,
            signerId: world.cast.clinician.id,
            signerName: 'Dr Test',
            signedAt: new Date('2026-06-29T10:30:00Z'),
            meaning: 'Prescribed',
            contentHash: signedOrderContentHash(order, lines, signed),
          },
        });
        orderIds.push(order.id);
      }
      const pharmacist = apiAs(
        server,
        await signIn(server, await aPerson(prisma, pharmacy.id, 'PHARMACIST')),
      );
      return { pharmacist, orderIds };
    }

    const OPEN = ['SUBMITTED', 'RECEIVED', 'COMPOUNDING', 'READY', 'ON_HOLD'];

    async function statementsOfFirstPage(pharmacist: Api, search: string | null = null) {
      let statements = 0;
      const stop = server.db.onStatement(() => {
        statements += 1;
      });
      try {
        const { pharmacyQueue } = await pharmacist<{ pharmacyQueue: PortalQueue }>(QUEUE_PAGE, {
          states: OPEN,
          search,
          first: 50,
          after: null,
        });
        return { statements, queue: pharmacyQueue };
      } finally {
        stop();
      }
    }

    it('costs 3 SQL statements, the same with 3 and with 30 orders on the page', async () => {
      const few = await statementsOfFirstPage((await aPharmacyWithOrders(3)).pharmacist);
      const many = await statementsOfFirstPage((await aPharmacyWithOrders(30)).pharmacist);
      expect([few.queue.edges.length, many.queue.edges.length]).toEqual([3, 30]);
      expect(many.queue.counts).toEqual([{ state: 'SUBMITTED', count: 30 }]);
      expect(many.statements).toBe(few.statements);
      // The session; the page with its counts and everything its fields read (pharmacy-queue-data.ts);
      // the LIST audit row. With one statement per loader it came to 9 (issue #16).
      expect(many.statements).toBe(3);
    });

    it('costs the same 3 statements for a search by name or birth date', async () => {
      const { pharmacist } = await aPharmacyWithOrders(5);
      for (const search of ['alvarez', 'MARIA alv', '1970-04-02']) {
        const found = await statementsOfFirstPage(pharmacist, search);
        expect(found.queue.edges).toHaveLength(5);
        expect(found.queue.counts).toEqual([{ state: 'SUBMITTED', count: 5 }]);
        expect(found.statements).toBe(3);
      }
    });

    it('shows each order with every field as the order’s own page shows it', async () => {
      const { pharmacist, orderIds } = await aPharmacyWithOrders(4);
      const { pharmacyQueue } = await pharmacist<{ pharmacyQueue: PortalQueue }>(QUEUE_AS_ORDER_PAGE, {
        first: 50,
      });
      expect(pharmacyQueue.edges.map(({ node }) => node.id).sort()).toEqual([...orderIds].sort());
      for (const { node } of pharmacyQueue.edges) {
        const { pharmacyOrder } = await pharmacist<{ pharmacyOrder: PortalOrder }>(ORDER_PAGE, {
          id: node.id,
        });
        expect(node).toEqual(pharmacyOrder);
        expect(node.signature?.matchesOrder).toBe(true);
      }
    });

    it('pages through orders without a need-by date or Rx number, and newest first, each once', async () => {
      const { pharmacist, orderIds } = await aPharmacyWithOrders(9);
      for (const states of [OPEN, null]) {
        const seen: string[] = [];
        let after: string | null = null;
        do {
          const { pharmacyQueue }: { pharmacyQueue: PortalQueue } = await pharmacist(QUEUE_AS_ORDER_PAGE, {
            states,
            first: 4,
            after,
          });
          seen.push(...pharmacyQueue.edges.map(({ node }) => node.id));
          after = pharmacyQueue.pageInfo.hasNextPage ? pharmacyQueue.pageInfo.endCursor : null;
        } while (after !== null);
        // Every one of them ties on its dates: by id, upwards for open work, downwards newest first.
        const byId = [...orderIds].sort();
        expect(seen).toEqual(states === null ? byId.reverse() : byId);
      }
    });
  });
});
