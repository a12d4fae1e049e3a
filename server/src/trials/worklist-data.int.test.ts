import type { Database } from '@ldn/db';
import { createTestDatabase } from '@ldn/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbDate } from '../graphql/scalars.ts';
import { aPatient } from '../patients/patient.builders.ts';
import { anOrganisation, aPerson, repositoriesAs } from '../test/builders.ts';
import { aTrialRow } from './trial.builders.ts';
import { trialLoaders } from './trial.loaders.ts';
import { loadWorklistData } from './worklist-data.ts';

// The worklist reads its trials, their events and patients in one hand-written statement and puts
// them in the request's loaders: what it puts there must be what the Prisma client itself reads
// (dates, decimals to the last digit, nulls, every column), or a field resolved later in the same
// request would read something else.

describe('the worklist data', () => {
  let db: Database;
  let clinicId: string;
  let trialIds: string[];

  beforeAll(async () => {
    db = await createTestDatabase();
    const prisma = db.prisma;
    const clinic = await anOrganisation(prisma, 'CLINIC');
    clinicId = clinic.id;
    const clinician = await aPerson(prisma, clinic.id, 'CLINICIAN');
    const patient = await aPatient(prisma, clinic.id, {
      dateOfBirth: dbDate('1961-02-28'),
      phone: '555-0100',
      allergies: 'Sulfa',
    });
    const titrating = await aTrialRow(prisma, patient, clinician.id, {
      doseChanges: [
        ['2026-03-08', 3],
        ['2026-03-15', 4.5],
      ],
    });
    await prisma.doseChange.updateMany({
      where: { trialId: titrating.id, changedOn: dbDate('2026-03-15') },
      data: {
        enteredInErrorAt: new Date('2026-03-16T10:11:12.345Z'),
        enteredInErrorById: clinician.id,
        enteredInErrorReason: 'Wrong patient',
      },
    });
    await prisma.trialHold.create({
      data: {
        trialId: titrating.id,
        heldOn: dbDate('2026-03-20'),
        resumedOn: dbDate('2026-03-22'),
        reason: 'OPIOID_NEEDED',
        note: 'A procedure',
        stateBefore: 'TITRATING',
        heldById: clinician.id,
        resumedById: clinician.id,
      },
    });
    await prisma.assessment.create({
      data: {
        trialId: titrating.id,
        assessedOn: dbDate('2026-04-30'),
        baselineScore: 7,
        meanScore: 4.857,
        relativeReduction: 0.3061,
        responseClass: 'MEANINGFUL',
        decision: 'CONTINUE',
        assessedById: clinician.id,
      },
    });
    const other = await aPatient(prisma, clinic.id);
    const quiet = await aTrialRow(prisma, other, clinician.id, { state: 'CONTINUING' });
    await prisma.trial.update({
      where: { id: quiet.id },
      data: { maintenanceDoseMg: 3, maintenanceDeclaredOn: dbDate('2026-04-01') },
    });
    trialIds = [titrating.id, quiet.id];
  });
  afterAll(async () => {
    await db?.close();
  });

  it('puts in the loaders exactly what the Prisma client reads', async () => {
    const scope = repositoriesAs(db.prisma, clinicId, 'CLINIC', 'CLINICIAN').clinic();
    let statements = 0;
    const stop = db.onStatement(() => {
      statements += 1;
    });
    const data = await loadWorklistData(scope, new Date());
    const loaders = trialLoaders(scope);
    const primed = await Promise.all(
      trialIds.map(async (id) => ({
        trial: data.active.get(id),
        doseChanges: await loaders.doseChanges.load(id),
        holds: await loaders.holds.load(id),
        assessments: await loaders.assessments.load(id),
        patient: await loaders.patients.load(data.active.get(id)?.patientId ?? ''),
      })),
    );
    stop();
    // The loaders answered from what the one statement primed them with.
    expect(statements).toBe(1);

    const prisma = db.prisma;
    const read = await Promise.all(
      trialIds.map(async (id) => {
        const trial = await prisma.trial.findUniqueOrThrow({ where: { id } });
        return {
          trial,
          doseChanges: await prisma.doseChange.findMany({
            where: { trialId: id },
            orderBy: { changedOn: 'asc' },
          }),
          holds: await prisma.trialHold.findMany({ where: { trialId: id }, orderBy: { heldOn: 'asc' } }),
          assessments: await prisma.assessment.findMany({
            where: { trialId: id },
            orderBy: { assessedOn: 'asc' },
          }),
          patient: await prisma.patient.findUnique({ where: { id: trial.patientId } }),
        };
      }),
    );
    expect(primed).toEqual(read);
    // toEqual compares a Decimal by its fields: check the values themselves too.
    expect(primed[0]?.doseChanges.map((change) => change.doseMg.toString())).toEqual(['3', '4.5']);
    expect(
      primed[0]?.assessments.map((a) => [a.meanScore.toString(), a.relativeReduction.toString()]),
    ).toEqual([['4.857', '0.3061']]);
    expect(primed[1]?.trial?.maintenanceDoseMg?.toString()).toBe('3');
  });
});
