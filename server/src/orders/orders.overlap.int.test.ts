import type { OrderState } from '@ldn/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbDate } from '../graphql/scalars.ts';
import { apiAs } from '../test/builders.ts';
import { fixedClock, startTestServer, type TestServer } from '../test/harness.ts';
import { aTrialInClinic } from './order.builders.ts';
import { CREATE, FIRST_CAPSULE_PACK, orderWorld } from './order.fixtures.ts';

/** 30 nights of 1.5 mg capsules from `fromDate`. */
const thirtyNightsFrom = (fromDate: string, extra: Record<string, unknown> = {}) => ({
  ...FIRST_CAPSULE_PACK,
  kind: 'SINGLE_STRENGTH',
  doseMg: 1.5,
  daysSupply: 30,
  fromDate,
  ...extra,
});
const REASON = 'The first supply was lost in the mail';
const ORDER_OVERRIDES = `query ($id: ID!) {
  order(id: $id) { id overrides { action code reason givenBy } }
}`;
const TRIAL_OVERRIDES = 'query ($id: ID!) { trial(id: $id) { overrides { action code reason } } }';
const UPDATE_DRAFT = `mutation ($order: OrderVersionInput!, $input: OrderInput!) {
  updateOrderDraft(order: $order, input: $input) { id version overrides { code reason } }
}`;

describe('a new order that overlaps an open order or dispensed supply (soft stops)', () => {
  let server: TestServer;
  let world: Awaited<ReturnType<typeof orderWorld>>;
  beforeAll(async () => {
    server = await startTestServer({ clock: fixedClock('2026-03-01T15:00:00Z') });
    world = await orderWorld(server);
  });
  afterAll(async () => {
    await server?.close();
  });
  const nameOf = async (userId: string) =>
    (await server.db.prisma.user.findUniqueOrThrow({ where: { id: userId } })).name;

  const aTrial = async () =>
    (
      await aTrialInClinic(server.db.prisma, {
        clinicId: world.cast.clinic.id,
        prescriberId: world.cast.clinician.id,
      })
    ).trial;
  const create = (trialId: string, input: Record<string, unknown>, who = world.cookies.coordinator) =>
    apiAs(server, who)<{ createOrder: { id: string; version: number } }>(CREATE, { trialId, input });
  /** An order of the trial moved straight to `state` (the pharmacy's path is tested elsewhere). */
  const anOrderIn = async (trialId: string, state: OrderState, input: Record<string, unknown>) => {
    const { id } = (await create(trialId, input)).createOrder;
    const dispensedOn = state === 'DISPENSED' ? dbDate(String(input.fromDate)) : null;
    await server.db.prisma.order.update({ where: { id }, data: { state, dispensedOn } });
    return id;
  };
  const counts = async () => ({
    orders: await server.db.prisma.order.count(),
    overrides: await server.db.prisma.override.count(),
  });

  it('refuses a second order while the trial has an open one, with the finding, and writes nothing', async () => {
    const trial = await aTrial();
    await create(trial.id, thirtyNightsFrom('2026-03-01'));
    const before = await counts();
    await expect(create(trial.id, thirtyNightsFrom('2026-04-15'))).rejects.toMatchObject({
      extensions: {
        code: 'OVERRIDE_REQUIRED',
        findings: [expect.objectContaining({ code: 'ORDER_ALREADY_OPEN', severity: 'SOFT_STOP' })],
      },
    });
    expect(await counts()).toEqual(before);
  });

  it('refuses a reason shorter than the policy’s minimum words', async () => {
    const trial = await aTrial();
    await create(trial.id, thirtyNightsFrom('2026-03-01'));
    const overrides = [{ code: 'ORDER_ALREADY_OPEN', reason: 'lost' }];
    await expect(create(trial.id, thirtyNightsFrom('2026-04-15', { overrides }))).rejects.toMatchObject({
      extensions: { code: 'OVERRIDE_REQUIRED' },
    });
  });

  it('creates it with a reason, kept with the order and its trial with who gave it', async () => {
    const trial = await aTrial();
    await create(trial.id, thirtyNightsFrom('2026-03-01'));
    const overrides = [{ code: 'ORDER_ALREADY_OPEN', reason: REASON }];
    const { id } = (await create(trial.id, thirtyNightsFrom('2026-04-15', { overrides }))).createOrder;
    const clinician = apiAs(server, world.cookies.clinician);
    const { order } = await clinician<{ order: { overrides: unknown[] } }>(ORDER_OVERRIDES, { id });
    expect(order.overrides).toEqual([
      {
        action: 'ORDER_CREATE',
        code: 'ORDER_ALREADY_OPEN',
        reason: REASON,
        givenBy: await nameOf(world.cast.coordinator.id),
      },
    ]);
    const { trial: read } = await clinician<{ trial: { overrides: unknown[] } }>(TRIAL_OVERRIDES, {
      id: trial.id,
    });
    expect(read.overrides).toContainEqual({
      action: 'ORDER_CREATE',
      code: 'ORDER_ALREADY_OPEN',
      reason: REASON,
    });
  });

  it.each(['CANCELLED', 'REJECTED'] as const)('does not count a %s order', async (state) => {
    const trial = await aTrial();
    await anOrderIn(trial.id, state, thirtyNightsFrom('2026-03-01'));
    await expect(create(trial.id, thirtyNightsFrom('2026-03-10'))).resolves.toBeDefined();
  });

  it('does not count the orders of another trial', async () => {
    await create((await aTrial()).id, thirtyNightsFrom('2026-03-01'));
    await expect(create((await aTrial()).id, thirtyNightsFrom('2026-03-01'))).resolves.toBeDefined();
  });

  it.each([
    ['2026-03-30', 'the last night of the dispensed supply', ['ORDER_OVERLAPS_SUPPLY']],
    ['2026-03-31', 'the day after the dispensed supply runs out', []],
  ] as const)('an order starting on %s (%s) finds %j', async (fromDate, _, expected) => {
    const trial = await aTrial();
    // 30 nights dispensed on 03-01 cover 03-01 … 03-30.
    await anOrderIn(trial.id, 'DISPENSED', thirtyNightsFrom('2026-03-01'));
    const attempt = create(trial.id, thirtyNightsFrom(fromDate));
    if (expected.length === 0) {
      await expect(attempt).resolves.toBeDefined();
    } else {
      await expect(attempt).rejects.toMatchObject({
        extensions: { code: 'OVERRIDE_REQUIRED', findings: [expect.objectContaining({ code: expected[0] })] },
      });
    }
  });

  it('asks for a reason for each soft stop when both apply', async () => {
    const trial = await aTrial();
    await anOrderIn(trial.id, 'DISPENSED', thirtyNightsFrom('2026-03-01'));
    await create(trial.id, thirtyNightsFrom('2026-03-31'));
    const oneReason = [{ code: 'ORDER_ALREADY_OPEN', reason: REASON }];
    await expect(
      create(trial.id, thirtyNightsFrom('2026-03-20', { overrides: oneReason })),
    ).rejects.toMatchObject({
      extensions: {
        code: 'OVERRIDE_REQUIRED',
        findings: [expect.objectContaining({ code: 'ORDER_OVERLAPS_SUPPLY' })],
      },
    });
    const bothReasons = [
      ...oneReason,
      { code: 'ORDER_OVERLAPS_SUPPLY', reason: 'Dose changes before the supply ends' },
    ];
    await expect(
      create(trial.id, thirtyNightsFrom('2026-03-20', { overrides: bothReasons })),
    ).resolves.toBeDefined();
  });

  it('lets a draft be edited without counting itself, and checks the edit against the others', async () => {
    const trial = await aTrial();
    // 30 nights dispensed on 03-01 cover 03-01 … 03-30.
    await anOrderIn(trial.id, 'DISPENSED', thirtyNightsFrom('2026-03-01'));
    const draft = (await create(trial.id, thirtyNightsFrom('2026-03-31'))).createOrder;
    const coordinator = apiAs(server, world.cookies.coordinator);
    const edit = async (version: number, input: Record<string, unknown>) =>
      coordinator<{ updateOrderDraft: { version: number; overrides: unknown[] } }>(UPDATE_DRAFT, {
        order: { orderId: draft.id, version },
        input,
      });
    const edited = await edit(draft.version, thirtyNightsFrom('2026-04-05'));
    await expect(edit(edited.updateOrderDraft.version, thirtyNightsFrom('2026-03-10'))).rejects.toMatchObject(
      {
        extensions: {
          code: 'OVERRIDE_REQUIRED',
          findings: [expect.objectContaining({ code: 'ORDER_OVERLAPS_SUPPLY' })],
        },
      },
    );
    const overrides = [{ code: 'ORDER_OVERLAPS_SUPPLY', reason: 'Dose changes before the supply ends' }];
    const saved = await edit(edited.updateOrderDraft.version, thirtyNightsFrom('2026-03-10', { overrides }));
    expect(saved.updateOrderDraft.overrides).toEqual([
      { code: 'ORDER_OVERLAPS_SUPPLY', reason: overrides[0]?.reason },
    ]);
  });

  it('lets a clinician give the reason as well as a coordinator', async () => {
    const trial = await aTrial();
    await create(trial.id, thirtyNightsFrom('2026-03-01'));
    const overrides = [{ code: 'ORDER_ALREADY_OPEN', reason: REASON }];
    const { id } = (
      await create(trial.id, thirtyNightsFrom('2026-04-15', { overrides }), world.cookies.clinician)
    ).createOrder;
    const { order } = await apiAs(server, world.cookies.clinician)<{
      order: { overrides: { givenBy: string }[] };
    }>(ORDER_OVERRIDES, { id });
    expect(order.overrides.map((o) => o.givenBy)).toEqual([await nameOf(world.cast.clinician.id)]);
  });

  it('shows an order’s overrides to no other clinic: its order is NOT_FOUND there', async () => {
    const trial = await aTrial();
    await create(trial.id, thirtyNightsFrom('2026-03-01'));
    const overrides = [{ code: 'ORDER_ALREADY_OPEN', reason: REASON }];
    const { id } = (await create(trial.id, thirtyNightsFrom('2026-04-15', { overrides }))).createOrder;
    await expect(apiAs(server, world.cookies.otherClinician)(ORDER_OVERRIDES, { id })).rejects.toMatchObject({
      extensions: { code: 'NOT_FOUND' },
    });
    await expect(
      create(trial.id, thirtyNightsFrom('2026-05-01', { overrides }), world.cookies.otherClinician),
    ).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
  });
});
