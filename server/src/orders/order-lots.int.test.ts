import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anOrganisation, aPerson, signIn, TEST_PASSWORD } from '../test/builders.ts';
import { fixedClock, startTestServer, type TestServer } from '../test/harness.ts';
import { ACK, CAPSULE_PACK, COMPOUND, CREATE, orderWorld } from './order.fixtures.ts';

const clock = fixedClock('2026-03-05T12:00:00Z');

const READY_WITH_LINES = `mutation ($input: MarkReadyInput!) {
  markReady(input: $input) { id state lotNumber beyondUseDate lines { sequence lotNumber beyondUseDate } }
}`;

interface ReadyOrder {
  id: string;
  state: string;
  lotNumber: string;
  beyondUseDate: string;
  lines: { sequence: number; lotNumber: string | null; beyondUseDate: string | null }[];
}

describe('a lot and beyond-use date per line', () => {
  let server: TestServer;
  let world: Awaited<ReturnType<typeof orderWorld>>;
  let sequence = 0;

  beforeAll(async () => {
    server = await startTestServer({ clock });
    world = await orderWorld(server);
  });
  afterAll(async () => {
    await server?.close();
  });

  /** A titration pack of several strengths, at the pharmacy's bench. */
  async function compounding() {
    const created = await server.graphql<{ createOrder: { id: string; version: number; lines: unknown[] } }>(
      CREATE,
      { trialId: world.trial.id, input: CAPSULE_PACK },
      { cookie: world.cookies.clinician },
    );
    let { id, version } = created.data!.createOrder;
    sequence += 1;
    const submitted = await server.graphql<{ submitOrder: { version: number } }>(
      'mutation ($input: SubmitOrderInput!) { submitOrder(input: $input) { version } }',
      { input: { orderId: id, version, idempotencyKey: `lots-submit-${sequence}`, password: TEST_PASSWORD } },
      { cookie: world.cookies.clinician },
    );
    version = submitted.data!.submitOrder.version;
    for (const move of [ACK, COMPOUND]) {
      const moved = await server.graphql<Record<string, { version: number }>>(
        move,
        { input: { orderId: id, version } },
        { cookie: world.cookies.pharmacist },
      );
      expect(moved.errors).toBeUndefined();
      version = Object.values(moved.data!)[0]!.version;
    }
    return { id, version, lineCount: created.data!.createOrder.lines.length };
  }

  it('records each strength of a titration pack as its own lot', async () => {
    const order = await compounding();
    expect(order.lineCount).toBeGreaterThan(1);
    const lines = Array.from({ length: order.lineCount }, (_, n) => ({
      sequence: n + 1,
      lotNumber: `LOT-${n + 1}`,
      beyondUseDate: n === 0 ? '2026-06-01' : '2026-05-20',
    }));
    const ready = await server.graphql<{ markReady: ReadyOrder }>(
      READY_WITH_LINES,
      { input: { orderId: order.id, version: order.version, lines } },
      { cookie: world.cookies.pharmacist },
    );
    expect(ready.errors).toBeUndefined();
    const result = ready.data!.markReady;
    expect(result.state).toBe('READY');
    expect(
      result.lines.map(({ sequence, lotNumber, beyondUseDate }) => ({ sequence, lotNumber, beyondUseDate })),
    ).toEqual(lines);
    expect(result.lotNumber).toBe(lines.map((line) => line.lotNumber).join(', '));
    // The pack is used by its earliest line's date.
    expect(result.beyondUseDate).toBe('2026-05-20');
  });

  it('gives every line the order’s lot when one lot is entered for all', async () => {
    const order = await compounding();
    const ready = await server.graphql<{ markReady: ReadyOrder }>(
      READY_WITH_LINES,
      {
        input: {
          orderId: order.id,
          version: order.version,
          lotNumber: 'ONE-LOT',
          beyondUseDate: '2026-05-01',
        },
      },
      { cookie: world.cookies.pharmacist },
    );
    expect(ready.errors).toBeUndefined();
    expect(new Set(ready.data!.markReady.lines.map((line) => line.lotNumber))).toEqual(new Set(['ONE-LOT']));
    expect(ready.data!.markReady.lotNumber).toBe('ONE-LOT');
  });

  it.each([
    ['miss a line', (count: number) => Array.from({ length: count - 1 }, (_, n) => n + 1), 'lines'],
    [
      'names a line twice',
      (count: number) => [...Array.from({ length: count }, (_, n) => n + 1), 1],
      'lines',
    ],
    ['name a line the order does not have', (count: number) => [count + 1], 'lines'],
    ['give no lot at all', () => [], 'lotNumber'],
  ])('refuses lots that %s, leaving the order compounding', async (_, sequences, field) => {
    const order = await compounding();
    const lines = sequences(order.lineCount).map((n) => ({
      sequence: n,
      lotNumber: `LOT-${n}`,
      beyondUseDate: '2026-05-01',
    }));
    const response = await server.graphql(
      READY_WITH_LINES,
      { input: { orderId: order.id, version: order.version, lines } },
      { cookie: world.cookies.pharmacist },
    );
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    const stored = await server.db.prisma.order.findUniqueOrThrow({
      where: { id: order.id },
      include: { lines: true },
    });
    expect(stored.state).toBe('COMPOUNDING');
    expect(stored.lines.map((line) => line.lotNumber)).toEqual(stored.lines.map(() => null));
  });

  it('asks for a reason when a line’s beyond-use date is past the USP <795> default', async () => {
    const order = await compounding();
    const lines = Array.from({ length: order.lineCount }, (_, n) => ({
      sequence: n + 1,
      lotNumber: `LOT-${n + 1}`,
      beyondUseDate: n === 0 ? '2027-12-31' : '2026-05-01',
    }));
    const response = await server.graphql(
      READY_WITH_LINES,
      { input: { orderId: order.id, version: order.version, lines } },
      { cookie: world.cookies.pharmacist },
    );
    expect(response.errors?.[0]?.extensions?.code).toBe('OVERRIDE_REQUIRED');
  });

  it('answers another pharmacy’s pharmacist NOT_FOUND', async () => {
    const order = await compounding();
    const elsewhere = await anOrganisation(server.db.prisma, 'PHARMACY');
    const stranger = await signIn(server, await aPerson(server.db.prisma, elsewhere.id, 'PHARMACIST'));
    const response = await server.graphql(
      READY_WITH_LINES,
      { input: { orderId: order.id, version: order.version, lotNumber: 'X-1', beyondUseDate: '2026-05-01' } },
      { cookie: stranger },
    );
    expect(response.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
