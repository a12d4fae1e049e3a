import { addDays } from '@ldn/rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anOrderRow, aTrialInClinic } from '../orders/order.builders.ts';
import { orderWorld } from '../orders/order.fixtures.ts';
import { type Api, apiAs } from '../test/builders.ts';
import { fixedClock, startTestServer, type TestServer } from '../test/harness.ts';
import { painScores } from './trial.builders.ts';

// The trial page as the portal asks for it (web/src/features/trials/api/trial.ts): every list of
// the trial, orders with their lines and pharmacy, and the names of who did what.
const TRIAL_PAGE = `query ($id: ID!) {
  trial(id: $id) {
    id asOf condition state startDate prescriber maintenanceDoseMg version enteredInError enteredInErrorByName
    patient { id givenName familyName mrn dateOfBirth }
    baseline { date score }
    policy { name }
    status { state currentDoseMg nextStep { date doseMg overdue } actions { code date message } timeline { from doseMg status } }
    doseChanges { id changedOn doseMg enteredInErrorByName }
    holds { id heldOn resumedOn reason }
    overrides { id action code reason givenBy givenAt }
    warnings { code message severity }
    adverseEffects { id kind onsetOn severity enteredInErrorByName }
    assessments { id assessedOn assessedBy responseClass enteredInErrorByName }
    orders { id state pharmacyName totalDaysSupply lines { sequence nightlyDoseMg daysSupply } }
    painScores { id scoredOn score }
  }
}`;

describe('the trial page', () => {
  const clock = fixedClock('2026-06-30T09:00:00Z');
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

  /** A trial with `count` dose changes, pain scores, adverse effects and orders of two lines. */
  async function aTrialWithRecords(count: number) {
    const { trial, patient } = await aTrialInClinic(server.db.prisma, {
      clinicId: world.cast.clinic.id,
      prescriberId: world.cast.clinician.id,
      startDate: '2026-01-05',
    });
    const days = Array.from({ length: count }, (_, i) => addDays('2026-01-06', i));
    await server.db.prisma.doseChange.createMany({
      data: days.map((day) => ({
        trialId: trial.id,
        changedOn: new Date(`${day}T00:00:00Z`),
        doseMg: 1.5,
        prescribedById: world.cast.clinician.id,
      })),
    });
    await painScores(
      server.db.prisma,
      patient.id,
      world.cast.coordinator.id,
      Object.fromEntries(days.map((day) => [day, 5])),
    );
    await server.db.prisma.adverseEffect.createMany({
      data: days.map((day) => ({
        trialId: trial.id,
        kind: 'HEADACHE' as const,
        onsetOn: new Date(`${day}T00:00:00Z`),
        severity: 'MILD' as const,
        action: 'NONE' as const,
        recordedById: world.cast.coordinator.id,
      })),
    });
    for (const day of days) {
      await anOrderRow(server.db.prisma, trial, world.cast.pharmacy.id, {
        state: 'DISPENSED',
        createdAt: day,
        dispensedOn: day,
        daysSupply: [14, 14],
      });
    }
    return trial;
  }

  const statementsToRead = async (id: string) => {
    let statements = 0;
    const stop = server.db.onStatement(() => {
      statements += 1;
    });
    try {
      const { trial } = await clinician<{ trial: { orders: unknown[]; painScores: unknown[] } }>(TRIAL_PAGE, {
        id,
      });
      return { statements, orders: trial.orders.length, scores: trial.painScores.length };
    } finally {
      stop();
    }
  };

  it('costs at most 16 SQL statements, the same with 3 and with 30 of each record', async () => {
    const few = await statementsToRead((await aTrialWithRecords(3)).id);
    const many = await statementsToRead((await aTrialWithRecords(30)).id);
    expect([few.orders, many.orders, many.scores]).toEqual([3, 30, 30]);
    expect(many.statements).toBe(few.statements);
    // One per table (Prisma reads an include as one statement per table): session, trial, audit,
    // dose changes, holds, assessments, names, patient, overrides, warnings, adverse effects,
    // orders, pharmacy names, order lines, signatures, scores.
    expect(many.statements).toBeLessThanOrEqual(16);
  });
});
