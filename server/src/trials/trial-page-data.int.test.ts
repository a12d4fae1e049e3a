import { asOrganisation, type Database, type Trial } from '@ldn/db';
import { createTestDatabase } from '@ldn/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbDate } from '../graphql/scalars.ts';
import { userNames } from '../graphql/user-names.ts';
import { anOrderRow } from '../orders/order.builders.ts';
import { linesOf, ordersOfTrial, organisationName } from '../orders/order.loaders.ts';
import { signaturesOf, signedPatientsOf } from '../orders/order-signature.ts';
import { patientLinkLoaders } from '../patient-link/patient-adherence.ts';
import { aPatient } from '../patients/patient.builders.ts';
import { anOrganisation, aPerson, repositoriesAs } from '../test/builders.ts';
import { aTrialRow } from './trial.builders.ts';
import { trialLoaders } from './trial.loaders.ts';
import { readTrialPage } from './trial-page-data.ts';

// The trial page reads a trial and its records in one hand-written statement and puts them in the
// request's loaders: what it returns and puts there must be what the Prisma client itself reads
// (dates, decimals to the last digit, nulls, JSON, every column), or a field resolved later in the
// same request would read something else. The trial has every column filled and a record of every
// kind the page shows.

describe('the trial page data', () => {
  let db: Database;
  let clinicId: string;
  let trial: Trial;
  let userIds: string[];
  let plainTrial: Trial;
  let otherClinicsTrial: Trial;
  const asClinician = () => repositoriesAs(db.prisma, clinicId, 'CLINIC', 'CLINICIAN').clinic();
  /** What `work` came to, and how many statements it sent. */
  const counted = async <T>(work: () => Promise<T>): Promise<{ result: T; statements: number }> => {
    let statements = 0;
    const stop = db.onStatement(() => {
      statements += 1;
    });
    try {
      return { result: await work(), statements };
    } finally {
      stop();
    }
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    const prisma = db.prisma;
    const clinic = await anOrganisation(prisma, 'CLINIC');
    clinicId = clinic.id;
    const pharmacy = await anOrganisation(prisma, 'PHARMACY');
    const clinician = await aPerson(prisma, clinic.id, 'CLINICIAN');
    const coordinator = await aPerson(prisma, clinic.id, 'COORDINATOR');
    userIds = [clinician.id, coordinator.id];
    const patient = await aPatient(prisma, clinic.id, {
      dateOfBirth: dbDate('1961-02-28'),
      phone: '555-0100',
    });
    trial = await aTrialRow(prisma, patient, clinician.id, {
      doseChanges: [
        ['2026-03-08', 3],
        ['2026-03-15', 4.5],
      ],
    });
    const trialId = trial.id;
    // Every optional column filled, so each is compared with a value, not a null.
    trial = await prisma.trial.update({
      where: { id: trialId },
      data: {
        state: 'DISCONTINUED',
        maintenanceDoseMg: 3.5,
        maintenanceDeclaredOn: dbDate('2026-04-01'),
        endedOn: dbDate('2026-05-02'),
        discontinuationReason: 'ADVERSE_EFFECTS',
        discontinuationNote: 'Nausea at 4.5 mg – “not again”',
        enteredInErrorAt: new Date('2026-05-03T07:08:09.010Z'),
        enteredInErrorById: coordinator.id,
        enteredInErrorReason: 'Wrong patient',
        policy: {
          titrationStepMg: 1.5,
          maxDoseMg: 4.5,
          weeks: [2, 4],
          override: null,
          strict: true,
          name: 'Ü',
        },
      },
    });
    await prisma.doseChange.updateMany({
      where: { trialId, changedOn: dbDate('2026-03-15') },
      data: {
        enteredInErrorAt: new Date('2026-03-16T10:11:12.345Z'),
        enteredInErrorById: coordinator.id,
        enteredInErrorReason: 'Wrong patient',
      },
    });
    await prisma.trialHold.create({
      data: {
        trialId,
        heldOn: dbDate('2026-03-20'),
        resumedOn: dbDate('2026-03-22'),
        reason: 'OPIOID_NEEDED',
        stateBefore: 'TITRATING',
        heldById: clinician.id,
      },
    });
    await prisma.assessment.create({
      data: {
        trialId,
        assessedOn: dbDate('2026-04-30'),
        baselineScore: 7,
        meanScore: 4.857,
        relativeReduction: 0.3061,
        responseClass: 'MEANINGFUL',
        decision: 'CONTINUE',
        assessedById: clinician.id,
      },
    });
    await prisma.override.create({
      data: {
        trialId,
        action: 'START_TRIAL',
        code: 'SOME_STOP',
        reason: 'Seen in clinic',
        givenById: clinician.id,
      },
    });
    await prisma.trialWarning.create({
      data: { trialId, action: 'START_TRIAL', code: 'SOME_WARNING', message: 'Mind it' },
    });
    await prisma.adverseEffect.create({
      data: {
        trialId,
        kind: 'VIVID_DREAMS',
        onsetOn: dbDate('2026-03-10'),
        severity: 'MILD',
        action: 'NONE',
        recordedById: coordinator.id,
        reviewedAt: new Date('2026-03-11T08:00:00.001Z'),
        enteredInErrorAt: new Date('2026-03-12T08:00:00Z'),
        enteredInErrorById: clinician.id,
        enteredInErrorReason: 'Another patient',
      },
    });
    await prisma.symptomScore.createMany({
      data: [
        {
          patientId: patient.id,
          measure: 'PAIN_NRS',
          scoredOn: dbDate('2026-02-25'),
          score: 7,
          recordedById: coordinator.id,
        },
        {
          patientId: patient.id,
          measure: 'PAIN_NRS',
          scoredOn: dbDate('2026-03-25'),
          score: 5,
          recordedById: coordinator.id,
        },
        {
          patientId: patient.id,
          measure: 'SLEEP',
          scoredOn: dbDate('2026-03-25'),
          score: 4,
          recordedById: coordinator.id,
        },
      ],
    });
    const dispensed = await anOrderRow(prisma, trial, pharmacy.id, {
      state: 'DISPENSED',
      createdAt: '2026-03-02',
      dispensedOn: '2026-03-03',
      daysSupply: [14, 16],
    });
    await prisma.order.update({ where: { id: dispensed.id }, data: { liquidStrengthMgPerMl: 1.25 } });
    await prisma.orderSignature.create({
      data: {
        orderId: dispensed.id,
        signerId: clinician.id,
        signerName: 'Dr Test',
        signerNpi: '1234567893',
        signedAt: new Date('2026-03-02T10:30:00.123Z'),
        meaning: 'Prescribed',
        contentHash: 'a'.repeat(64),
      },
    });
    await anOrderRow(prisma, trial, pharmacy.id, { state: 'DRAFT', createdAt: '2026-03-30' });
    const link = await prisma.patientLink.create({
      data: {
        trialId,
        tokenHash: 'b'.repeat(64),
        createdById: coordinator.id,
        expiresAt: new Date('2026-06-01T00:00:00Z'),
      },
    });
    await prisma.patientReport.createMany({
      data: [
        { linkId: link.id, trialId, evening: dbDate('2026-03-05'), doseTaken: 'TAKEN', doseMg: 1.5 },
        {
          linkId: link.id,
          trialId,
          evening: dbDate('2026-03-06'),
          doseTaken: 'NOT_TAKEN',
          replacedAt: new Date('2026-03-06T22:00:00Z'),
        },
        { linkId: link.id, trialId, evening: dbDate('2026-03-06'), doseTaken: 'TAKEN', doseMg: 3 },
      ],
    });
    plainTrial = await aTrialRow(prisma, await aPatient(prisma, clinic.id), clinician.id);
    const otherClinic = await anOrganisation(prisma, 'CLINIC');
    const otherClinician = await aPerson(prisma, otherClinic.id, 'CLINICIAN');
    otherClinicsTrial = await aTrialRow(prisma, await aPatient(prisma, otherClinic.id), otherClinician.id);
  });
  afterAll(async () => {
    await db?.close();
  });

  // The trial is entered in error: still read, as ClinicRepository.trial reads it (shown struck through).
  it('returns the trial and puts in the loaders exactly what the Prisma client reads, in one statement', async () => {
    const scope = asClinician();
    const trialSide = trialLoaders(scope);
    const links = patientLinkLoaders(scope);
    const { result: primed, statements } = await counted(async () => {
      const readTrial = await readTrialPage(scope, trial.id);
      const orders = await ordersOfTrial(scope).load(trial.id);
      return {
        trial: readTrial,
        doseChanges: await trialSide.doseChanges.load(trial.id),
        holds: await trialSide.holds.load(trial.id),
        assessments: await trialSide.assessments.load(trial.id),
        overrides: await trialSide.overrides.load(trial.id),
        warnings: await trialSide.warnings.load(trial.id),
        adverseEffects: await trialSide.adverseEffects.load(trial.id),
        painScores: await trialSide.painScores.load(trial.patientId),
        patient: await trialSide.patients.load(trial.patientId),
        signedPatient: await signedPatientsOf(scope).load(trial.patientId),
        orders,
        lines: await Promise.all(orders.map((order) => linesOf(scope).load(order.id))),
        signatures: await Promise.all(orders.map((order) => signaturesOf(scope).load(order.id))),
        pharmacies: await Promise.all(orders.map((order) => organisationName(scope).load(order.pharmacyId))),
        links: await links.links.load(trial.id),
        reports: await links.reports.load(trial.id),
        nightsSupplied: await links.nightsSupplied.load(trial.id),
        users: await Promise.all(userIds.map((id) => userNames(scope).load(id))),
      };
    });
    const readTrial = primed.trial;
    // The loaders answered from what the one statement, the trial's own, primed them with.
    expect(statements).toBe(1);

    // Each as the loader itself would read it (their queries, through the Prisma client).
    const prisma = db.prisma;
    const where = { trialId: trial.id };
    const readOrders = await prisma.order.findMany({ where, orderBy: { createdAt: 'desc' } });
    const read = {
      trial: await prisma.trial.findUnique({ where: { id: trial.id } }),
      doseChanges: await prisma.doseChange.findMany({ where, orderBy: { changedOn: 'asc' } }),
      holds: await prisma.trialHold.findMany({ where, orderBy: { heldOn: 'asc' } }),
      assessments: await prisma.assessment.findMany({ where, orderBy: { assessedOn: 'asc' } }),
      overrides: await prisma.override.findMany({ where, orderBy: { givenAt: 'asc' } }),
      warnings: await prisma.trialWarning.findMany({ where, orderBy: { createdAt: 'asc' } }),
      adverseEffects: await prisma.adverseEffect.findMany({ where, orderBy: { onsetOn: 'asc' } }),
      painScores: await prisma.symptomScore.findMany({
        where: { patientId: trial.patientId, measure: 'PAIN_NRS', enteredInErrorAt: null },
        orderBy: { scoredOn: 'asc' },
      }),
      patient: await prisma.patient.findUnique({ where: { id: trial.patientId } }),
      signedPatient: await prisma.patient.findUnique({
        where: { id: trial.patientId },
        select: { id: true, mrn: true, givenName: true, familyName: true, dateOfBirth: true },
      }),
      orders: readOrders,
      lines: await Promise.all(
        readOrders.map((order) =>
          prisma.orderLine.findMany({ where: { orderId: order.id }, orderBy: { sequence: 'asc' } }),
        ),
      ),
      signatures: await Promise.all(
        readOrders.map((order) => prisma.orderSignature.findUnique({ where: { orderId: order.id } })),
      ),
      pharmacies: await Promise.all(
        readOrders.map((order) =>
          prisma.organisation.findUnique({
            where: { id: order.pharmacyId },
            select: { id: true, name: true },
          }),
        ),
      ),
      links: await prisma.patientLink.findMany({ where, orderBy: { createdAt: 'asc' } }),
      reports: await prisma.patientReport.findMany({
        where: { ...where, replacedAt: null },
        orderBy: { evening: 'desc' },
      }),
      nightsSupplied: { trialId: trial.id, nights: 30 },
      users: await Promise.all(
        userIds.map((id) => prisma.user.findUnique({ where: { id }, select: { id: true, name: true } })),
      ),
    };
    expect(primed).toEqual(read);
    // Every kind has something in it, so the comparison above compared rows, not empty lists.
    for (const [kind, value] of Object.entries(primed)) {
      expect([kind, Array.isArray(value) ? value.length > 0 : value !== null]).toEqual([kind, true]);
    }
    expect(primed.signatures.map((signature) => signature === null)).toEqual([true, false]);
    // toEqual compares a Decimal by its fields: check the values themselves too.
    expect([readTrial.startDoseMg.toString(), readTrial.maintenanceDoseMg?.toString()]).toEqual([
      '1.5',
      '3.5',
    ]);
    expect(primed.doseChanges.map((change) => change.doseMg.toString())).toEqual(['3', '4.5']);
    expect(primed.assessments.map((a) => [a.meanScore.toString(), a.relativeReduction.toString()])).toEqual([
      ['4.857', '0.3061'],
    ]);
    expect(primed.orders.map((order) => order.liquidStrengthMgPerMl?.toString() ?? null)).toEqual([
      null,
      '1.25',
    ]);
    expect(primed.reports.map((report) => report.doseMg?.toString())).toEqual(['3', '1.5']);
  });

  it('reads a trial with its optional columns empty and no records as the Prisma client does', async () => {
    const scope = asClinician();
    const { result, statements } = await counted(async () => ({
      read: await readTrialPage(scope, plainTrial.id),
      // Primed empty, not left to read again.
      lists: [
        await trialLoaders(scope).doseChanges.load(plainTrial.id),
        await ordersOfTrial(scope).load(plainTrial.id),
        await patientLinkLoaders(scope).nightsSupplied.load(plainTrial.id),
      ],
    }));
    const { read, lists } = result;
    expect([statements, lists]).toEqual([1, [[], [], null]]);
    expect(read).toEqual(await db.prisma.trial.findUnique({ where: { id: plainTrial.id } }));
    expect([read.maintenanceDoseMg, read.endedOn, read.enteredInErrorAt, read.policy]).toEqual([
      null,
      null,
      null,
      {},
    ]);
  });

  it('writes the one READ row of the read, as audit() writes it, under row-level security', async () => {
    const scope = asClinician();
    const access = { organisationId: clinicId, organisationKind: 'CLINIC' } as const;
    const rowsSince = async (count: number) =>
      (
        await db.prisma.auditLog.findMany({
          where: { entity: 'Trial', entityId: plainTrial.id },
          orderBy: { id: 'asc' },
        })
      )
        .slice(count)
        .map(({ id: _row, at: _at, ...columns }) => columns);
    const before = (await rowsSince(0)).length;
    await asOrganisation(access, () => readTrialPage(scope, plainTrial.id));
    const byPage = await rowsSince(before);
    await scope.audit('READ', 'Trial', plainTrial.id);
    const [, byAudit] = await rowsSince(before);
    expect(byPage).toEqual([byAudit]);
    expect(byAudit).toMatchObject({ action: 'READ', organisationId: clinicId, requestId: 'test' });
  });

  it.each([
    ["another clinic's trial", () => otherClinicsTrial.id, 1],
    ['an id of no trial', () => '5f0c6a4e-1b7e-4d7a-9d55-3a0f1c2b9e11', 1],
    ['a text that is no id', () => 'trial-1', 0],
  ])('answers NOT_FOUND for %s and logs no read', async (_, idOf, expectedStatements) => {
    const id = idOf();
    const logged = () => db.prisma.auditLog.count({ where: { entity: 'Trial', entityId: id } });
    const before = await logged();
    const { statements } = await counted(() =>
      expect(readTrialPage(asClinician(), id)).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } }),
    );
    expect(statements).toBe(expectedStatements);
    expect(await logged()).toBe(before);
  });
});
