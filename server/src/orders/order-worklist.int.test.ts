import type { Trial } from '@ldn/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbDate } from '../graphql/scalars.ts';
import { type Api, apiAs } from '../test/builders.ts';
import { fixedClock, startTestServer, type TestServer } from '../test/harness.ts';
import { anOrderRow, aTrialInClinic } from './order.builders.ts';
import { orderWorld } from './order.fixtures.ts';

const AS_OF = '2026-03-10';
const WORKLIST = `query ($asOf: LocalDate) {
  worklist(asOf: $asOf) { code date message orderId trial { id } }
}`;

interface Item {
  code: string;
  date: string;
  message: string;
  orderId: string | null;
  trial: { id: string };
}

describe('the worklist reads only the latest order of each trial', () => {
  const clock = fixedClock(`${AS_OF}T15:00:00Z`);
  let server: TestServer;
  let world: Awaited<ReturnType<typeof orderWorld>>;
  let clinician: Api;
  beforeAll(async () => {
    server = await startTestServer({ clock });
    world = await orderWorld(server);
    clinician = apiAs(server, world.cookies.clinician);
  });
  afterAll(async () => {
    await server?.close();
  });

  const aTrial = async () =>
    (
      await aTrialInClinic(server.db.prisma, {
        clinicId: world.cast.clinic.id,
        prescriberId: world.cast.clinician.id,
        startDate: '2026-01-05',
      })
    ).trial;
  const anOrder = (trial: Trial, order: Parameters<typeof anOrderRow>[3]) =>
    anOrderRow(server.db.prisma, trial, world.cast.pharmacy.id, order);
  const orderItemsOf = async (trial: Trial, api = clinician) =>
    (await api<{ worklist: Item[] }>(WORKLIST, { asOf: AS_OF })).worklist
      .filter((item) => item.trial.id === trial.id && item.orderId !== null)
      .map(({ code, date, orderId }) => ({ code, date, orderId }));

  it('says nothing of an old rejection once a newer order was dispensed', async () => {
    const trial = await aTrial();
    await anOrder(trial, { state: 'REJECTED', createdAt: '2026-01-05', rejectionReason: 'Out of stock' });
    await anOrder(trial, { state: 'DISPENSED', createdAt: '2026-02-20', dispensedOn: '2026-02-25' });
    expect(await orderItemsOf(trial)).toEqual([]);
  });

  it('skips a cancelled latest order and reports the one before it', async () => {
    const trial = await aTrial();
    const rejected = await anOrder(trial, {
      state: 'REJECTED',
      createdAt: '2026-02-01',
      rejectionReason: 'Strength unavailable',
    });
    await anOrder(trial, { state: 'CANCELLED', createdAt: '2026-02-10' });
    expect(await orderItemsOf(trial)).toEqual([
      { code: 'ORDER_REJECTED', date: '2026-02-01', orderId: rejected.id },
    ]);
  });

  it('reports a latest order on hold', async () => {
    const trial = await aTrial();
    await anOrder(trial, { state: 'DISPENSED', createdAt: '2026-01-05', dispensedOn: '2026-01-06' });
    const held = await anOrder(trial, { state: 'ON_HOLD', createdAt: '2026-02-05' });
    expect(await orderItemsOf(trial)).toEqual([
      { code: 'ORDER_ON_HOLD', date: '2026-02-05', orderId: held.id },
    ]);
  });

  it('counts the days of supply of every line of the latest dispensed order', async () => {
    const trial = await aTrial();
    await anOrder(trial, { state: 'DISPENSED', createdAt: '2026-01-05', dispensedOn: '2026-01-06' });
    // 14 + 14 nights from 2026-02-20: the last night is 2026-03-19, within 7 days of 2026-03-12 …
    const latest = await anOrder(trial, {
      state: 'DISPENSED',
      createdAt: '2026-02-19',
      dispensedOn: '2026-02-20',
      daysSupply: [14, 14],
    });
    expect(await orderItemsOf(trial)).toEqual([]);
    // … so it is due as of 2026-03-12 and not a day before.
    const dueOn = async (asOf: string) =>
      (await clinician<{ worklist: Item[] }>(WORKLIST, { asOf })).worklist.filter(
        (item) => item.orderId === latest.id,
      );
    expect(await dueOn('2026-03-11')).toEqual([]);
    expect(await dueOn('2026-03-12')).toEqual([
      expect.objectContaining({ code: 'REFILL_RUNNING_OUT', date: '2026-03-19' }),
    ]);
  });

  it('leaves out the orders of a trial entered in error, or discontinued', async () => {
    const voided = await aTrial();
    const ended = await aTrial();
    for (const trial of [voided, ended]) {
      await anOrder(trial, { state: 'REJECTED', createdAt: '2026-02-01', rejectionReason: 'Out of stock' });
    }
    await server.db.prisma.trial.update({
      where: { id: voided.id },
      data: {
        enteredInErrorAt: new Date('2026-02-02T09:00:00Z'),
        enteredInErrorById: world.cast.clinician.id,
        enteredInErrorReason: 'Wrong patient',
      },
    });
    await server.db.prisma.trial.update({
      where: { id: ended.id },
      data: { state: 'DISCONTINUED', endedOn: dbDate('2026-02-03'), discontinuationReason: 'INEFFECTIVE' },
    });
    expect(await orderItemsOf(voided)).toEqual([]);
    expect(await orderItemsOf(ended)).toEqual([]);
  });

  it("shows another clinic's clinician none of these orders", async () => {
    const trial = await aTrial();
    await anOrder(trial, { state: 'REJECTED', createdAt: '2026-02-01', rejectionReason: 'Out of stock' });
    expect(await orderItemsOf(trial, apiAs(server, world.cookies.otherClinician))).toEqual([]);
  });

  it('costs at most 5 SQL statements, the same for 10 and for 60 trials with 3 orders each', async () => {
    const countStatements = async () => {
      let statements = 0;
      const stop = server.db.onStatement(() => {
        statements += 1;
      });
      try {
        await clinician(WORKLIST, { asOf: AS_OF });
      } finally {
        stop();
      }
      return statements;
    };
    const addTrials = async (count: number) => {
      for (let i = 0; i < count; i += 1) {
        const trial = await aTrial();
        await anOrder(trial, { state: 'DISPENSED', createdAt: '2026-01-05', dispensedOn: '2026-01-06' });
        await anOrder(trial, { state: 'CANCELLED', createdAt: '2026-02-01' });
        await anOrder(trial, { state: 'DISPENSED', createdAt: '2026-02-10', dispensedOn: '2026-02-10' });
      }
    };
    await addTrials(10);
    const withTen = await countStatements();
    await addTrials(50);
    const withSixty = await countStatements();
    expect(withSixty).toBe(withTen);
    // Session, the worklist's data (trials, events, patients, latest orders, drafts, medications:
    // trials/worklist-data.ts), the patient links' two (live links, side effects to review), audit.
    expect(withSixty).toBeLessThanOrEqual(5);
  });
});
