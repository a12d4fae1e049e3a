import { deriveTrialStatus, type IsoDate, ORDER_SIGNATURE_MEANING } from '@ldn/rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/database.ts';
import { signedOrderContentHash } from '../src/order-signature.ts';
import { createTestDatabase } from '../src/testing.ts';
import { hasDemoData, seedDemo } from './demo.ts';

const TODAY: IsoDate = '2026-11-25';
const iso = (date: Date) => date.toISOString().slice(0, 10);

describe('the demo data', () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase();
    expect(await hasDemoData(db.prisma)).toBe(false);
    await seedDemo(db.prisma, TODAY);
  });
  afterAll(async () => {
    await db?.close();
  });

  it('is recognised as loaded, so a restart does not load it twice', async () => {
    expect(await hasDemoData(db.prisma)).toBe(true);
  });

  it('has two clinics, two pharmacies, the network, and a person for every role', async () => {
    const kinds = await db.prisma.organisation.groupBy({ by: ['kind'], _count: true });
    expect(Object.fromEntries(kinds.map((k) => [k.kind, k._count]))).toEqual({
      CLINIC: 2,
      PHARMACY: 2,
      NETWORK: 1,
    });
    const roles = new Set((await db.prisma.user.findMany()).map((u) => u.role));
    expect(roles).toEqual(new Set(['CLINICIAN', 'COORDINATOR', 'PHARMACIST', 'ADMIN']));
  });

  it('has orders compounded by one pharmacist and the dispensed ones verified by another of the pharmacy', async () => {
    const orders = await db.prisma.order.findMany({
      where: { state: { in: ['READY', 'DISPENSED'] } },
      include: { compoundedBy: true, verifiedBy: true },
    });
    expect(orders.map((order) => order.state)).toEqual(expect.arrayContaining(['READY', 'DISPENSED']));
    for (const order of orders) {
      expect(order.compoundedBy).toMatchObject({ role: 'PHARMACIST', organisationId: order.pharmacyId });
      if (order.state === 'READY') expect(order.verifiedBy).toBeNull();
      else {
        expect(order.verifiedBy).toMatchObject({ role: 'PHARMACIST', organisationId: order.pharmacyId });
        expect(order.verifiedById).not.toBe(order.compoundedById);
      }
    }
  });

  it('stores passwords only as argon2id hashes', async () => {
    const users = await db.prisma.user.findMany();
    for (const user of users) expect(user.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it('has a few dozen patients with trials at every stage', async () => {
    expect(await db.prisma.patient.count()).toBeGreaterThanOrEqual(24);
    const trials = await db.prisma.trial.findMany({
      include: { doseChanges: true, holds: true, assessments: true },
    });
    const derived = new Set(
      trials.map(
        (t) =>
          deriveTrialStatus({
            startDate: iso(t.startDate),
            doseChanges: t.doseChanges
              .sort((a, b) => a.changedOn.getTime() - b.changedOn.getTime())
              .map((c) => ({ date: iso(c.changedOn), doseMg: Number(c.doseMg) })),
            maintenanceDoseMg: t.maintenanceDoseMg === null ? undefined : Number(t.maintenanceDoseMg),
            holds: t.holds.map((h) => ({
              from: iso(h.heldOn),
              ...(h.resumedOn ? { to: iso(h.resumedOn) } : {}),
            })),
            assessments: t.assessments.map((a) => ({ assessedOn: iso(a.assessedOn), decision: a.decision })),
            discontinuedOn: t.endedOn === null ? undefined : iso(t.endedOn),
            asOf: TODAY,
          }).state,
      ),
    );
    expect(derived).toEqual(
      new Set([
        'TITRATING',
        'AT_TARGET',
        'ASSESSMENT_DUE',
        'CONTINUING',
        'EXTENDED',
        'ON_HOLD',
        'DISCONTINUED',
      ]),
    );
  });

  it('has orders in every state, none above 4.5 mg', async () => {
    const states = new Set((await db.prisma.order.findMany()).map((o) => o.state));
    expect(states).toEqual(
      new Set([
        'DRAFT',
        'SUBMITTED',
        'RECEIVED',
        'COMPOUNDING',
        'READY',
        'DISPENSED',
        'REJECTED',
        'CANCELLED',
        'ON_HOLD',
      ]),
    );
    const highest = await db.prisma.orderLine.aggregate({ _max: { nightlyDoseMg: true } });
    expect(Number(highest._max.nightlyDoseMg)).toBe(4.5);
  });

  it('has every order past DRAFT signed by its prescriber, the signature matching the order', async () => {
    const orders = await db.prisma.order.findMany({
      include: { lines: true, patient: true, signature: true },
    });
    for (const order of orders) {
      if (order.state === 'DRAFT') {
        expect(order.signature).toBeNull();
        continue;
      }
      expect(order.signature).toMatchObject({
        signerId: order.prescriberId,
        signerName: order.prescriberName,
        signedAt: order.submittedAt,
        meaning: ORDER_SIGNATURE_MEANING,
        contentHash: signedOrderContentHash(order, order.lines, order.patient),
      });
    }
  });
});
