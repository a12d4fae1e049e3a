import { type ChannelListener, type Database, medicationDrugColumns } from '@ldn/db';
import { createTestDatabase } from '@ldn/db/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { allowPharmacy, aTrialInClinic } from '../orders/order.builders.ts';
import { aNetwork } from '../test/builders.ts';
import { CHANGES_CHANNEL, type DatabaseChange, parseDatabaseChange } from './database-change.ts';

// The triggers of migration 20261127150000_live_changes: every write to a record a screen shows
// announces itself, ids only, whichever path wrote it (here Prisma straight to the database).

describe('what the database announces on ldn_changes', () => {
  let db: Database;
  let cast: Awaited<ReturnType<typeof aNetwork>>;
  let listener: ChannelListener;
  const heard: DatabaseChange[] = [];
  const raw: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    cast = await aNetwork(db.prisma);
    await allowPharmacy(db.prisma, cast.clinic.id, cast.pharmacy.id);
    listener = await db.listen(CHANGES_CHANNEL, {
      onNotification: (payload) => {
        raw.push(payload);
        const change = parseDatabaseChange(payload);
        if (change !== null) heard.push(change);
      },
    });
  });
  beforeEach(async () => {
    // Whatever an earlier test's writes announced has arrived before this test starts listening.
    await new Promise((resolve) => setTimeout(resolve, 100));
    heard.length = 0;
    raw.length = 0;
  });
  afterAll(async () => {
    await listener?.close();
    await db?.close();
  });

  const aTrial = () =>
    aTrialInClinic(db.prisma, {
      clinicId: cast.clinic.id,
      prescriberId: cast.clinician.id,
      doseChanges: [['2026-03-15', 3]],
    });

  const aDraftOrder = (trial: { id: string; patientId: string }) =>
    db.prisma.order.create({
      data: {
        trialId: trial.id,
        patientId: trial.patientId,
        clinicId: cast.clinic.id,
        pharmacyId: cast.pharmacy.id,
        state: 'DRAFT',
        kind: 'TITRATION_PACK',
        formulation: 'CAPSULE',
        payment: 'SELF_PAY',
        delivery: 'PICKUP',
        prescriberName: 'Dr Test',
        prescriberNpi: '1234567893',
        createdById: cast.coordinator.id,
        lines: {
          create: {
            sequence: 1,
            nightlyDoseMg: 1.5,
            strength: 1.5,
            strengthUnit: 'mg',
            quantity: 14,
            quantityUnit: 'capsules',
            amountPerNight: 1,
            daysSupply: 14,
            directions: 'One capsule at bedtime',
          },
        },
      },
      include: { lines: true },
    });

  it('names a patient, a trial and a dose change by their ids and their clinic', async () => {
    const { patient, trial } = await aTrial();
    const doseChange = await db.prisma.doseChange.findFirstOrThrow({ where: { trialId: trial.id } });
    const clinicId = cast.clinic.id;
    await vi.waitFor(() =>
      expect(heard).toEqual(
        expect.arrayContaining([
          { entity: 'Patient', id: patient.id, patientId: patient.id, clinicId },
          { entity: 'Trial', id: trial.id, trialId: trial.id, patientId: patient.id, clinicId },
          { entity: 'DoseChange', id: doseChange.id, trialId: trial.id, patientId: patient.id, clinicId },
        ]),
      ),
    );
  });

  it("names a patient's record (a medication) by the patient and clinic", async () => {
    const { patient } = await aTrial();
    const medication = await db.prisma.medication.create({
      data: {
        patientId: patient.id,
        ...medicationDrugColumns('gabapentin'),
        recordedById: cast.clinician.id,
      },
    });
    await vi.waitFor(() =>
      expect(heard).toContainEqual({
        entity: 'Medication',
        id: medication.id,
        patientId: patient.id,
        clinicId: cast.clinic.id,
      }),
    );
  });

  it('names no pharmacy while an order is a draft, and the pharmacy once it is sent', async () => {
    const { trial } = await aTrial();
    const order = await aDraftOrder(trial);
    const ids = {
      orderId: order.id,
      trialId: trial.id,
      patientId: trial.patientId,
      clinicId: cast.clinic.id,
    };
    await vi.waitFor(() =>
      expect(heard).toEqual(
        expect.arrayContaining([
          { entity: 'Order', id: order.id, ...ids },
          { entity: 'OrderLine', id: order.lines[0]?.id, ...ids },
        ]),
      ),
    );
    expect(heard.filter((change) => change.pharmacyId !== undefined)).toEqual([]);

    heard.length = 0;
    await db.prisma.order.update({ where: { id: order.id }, data: { state: 'SUBMITTED' } });
    // Before (the clinic's draft) and after (sent to the pharmacy): both are told.
    await vi.waitFor(() =>
      expect(heard).toEqual([
        { entity: 'Order', id: order.id, ...ids },
        { entity: 'Order', id: order.id, ...ids, pharmacyId: cast.pharmacy.id },
      ]),
    );
  });

  it('tells an update once when it moves the record nowhere', async () => {
    const { patient } = await aTrial();
    const ofPatient = () => heard.filter((change) => change.entity === 'Patient' && change.id === patient.id);
    await vi.waitFor(() => expect(ofPatient()).toHaveLength(1));
    await db.prisma.patient.update({ where: { id: patient.id }, data: { phone: '555-0199' } });
    await vi.waitFor(() => expect(ofPatient()).toHaveLength(2));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(ofPatient()).toEqual([
      { entity: 'Patient', id: patient.id, patientId: patient.id, clinicId: cast.clinic.id },
      { entity: 'Patient', id: patient.id, patientId: patient.id, clinicId: cast.clinic.id },
    ]);
  });

  it('never carries what a record holds: ids only', async () => {
    const { patient } = await aTrial();
    await db.prisma.patient.update({ where: { id: patient.id }, data: { allergies: 'Penicillin' } });
    await vi.waitFor(() => expect(raw.length).toBeGreaterThan(0));
    for (const payload of raw) {
      const keys = Object.keys(JSON.parse(payload) as object);
      expect(
        keys.every((key) =>
          ['entity', 'id', 'patientId', 'trialId', 'orderId', 'clinicId', 'pharmacyId'].includes(key),
        ),
      ).toBe(true);
      expect(payload).not.toMatch(/Penicillin|Maria|Alvarez|1970/);
    }
  });

  it('tells the end of a session, not each time it is seen', async () => {
    const session = await db.prisma.session.create({
      data: {
        userId: cast.clinician.id,
        tokenHash: 'f'.repeat(64),
        expiresAt: new Date(Date.now() + 3_600_000),
      },
    });
    await db.prisma.session.update({ where: { id: session.id }, data: { lastSeenAt: new Date() } });
    await db.prisma.session.update({ where: { id: session.id }, data: { revokedAt: new Date() } });
    await vi.waitFor(() => expect(heard).toEqual([{ entity: 'Session', id: session.id }]));
  });
});
