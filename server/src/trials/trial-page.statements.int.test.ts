import { randomUUID } from 'node:crypto';
import { addDays } from '@ldn/rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anOrderRow, aTrialInClinic } from '../orders/order.builders.ts';
import { orderWorld } from '../orders/order.fixtures.ts';
import { type Api, apiAs } from '../test/builders.ts';
import { fixedClock, startTestServer, type TestServer } from '../test/harness.ts';
import { portalDocument } from '../test/portal-documents.ts';
import { painScores } from './trial.builders.ts';

// The trial page exactly as the portal asks for it: its own document, read from
// web/src/features/trials/api/trial.ts, so a field the page gains is counted here too.
const TRIAL_PAGE = portalDocument('trials/api/trial.ts');

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

  /**
   * A trial with `count` dose changes, pain scores, adverse effects, overrides, reports from home
   * and signed orders of two lines.
   */
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
      const order = await anOrderRow(server.db.prisma, trial, world.cast.pharmacy.id, {
        state: 'DISPENSED',
        createdAt: day,
        dispensedOn: day,
        daysSupply: [14, 14],
      });
      await server.db.prisma.orderSignature.create({
        data: {
          orderId: order.id,
          signerId: world.cast.clinician.id,
          signerName: 'Dr Test',
          signedAt: new Date(`${day}T10:30:00Z`),
          meaning: 'Prescribed',
          contentHash: 'a'.repeat(64),
        },
      });
    }
    await server.db.prisma.override.createMany({
      data: days.map(() => ({
        trialId: trial.id,
        action: 'START_TRIAL',
        code: 'SOME_STOP',
        reason: 'Seen in clinic',
        givenById: world.cast.clinician.id,
      })),
    });
    const link = await server.db.prisma.patientLink.create({
      data: {
        trialId: trial.id,
        tokenHash: randomUUID().replaceAll('-', ''),
        createdById: world.cast.coordinator.id,
        createdAt: new Date('2026-01-05T09:00:00Z'),
        expiresAt: new Date('2026-12-31T00:00:00Z'),
      },
    });
    await server.db.prisma.patientReport.createMany({
      data: days.map((day) => ({
        linkId: link.id,
        trialId: trial.id,
        evening: new Date(`${day}T00:00:00Z`),
        doseTaken: 'TAKEN' as const,
        doseMg: 1.5,
      })),
    });
    return trial;
  }

  const statementsToRead = async (id: string) => {
    let statements = 0;
    const stop = server.db.onStatement(() => {
      statements += 1;
    });
    try {
      const { trial } = await clinician<{
        trial: { orders: unknown[]; painScores: unknown[]; adherence: { reports: unknown[] } };
      }>(TRIAL_PAGE, { id });
      return {
        statements,
        orders: trial.orders.length,
        scores: trial.painScores.length,
        reports: trial.adherence.reports.length,
      };
    } finally {
      stop();
    }
  };

  it('costs 2 SQL statements, the same with 3 and with 30 of each record', async () => {
    const few = await statementsToRead((await aTrialWithRecords(3)).id);
    const many = await statementsToRead((await aTrialWithRecords(30)).id);
    expect([few.orders, many.orders, many.scores, many.reports]).toEqual([3, 30, 30, 30]);
    expect(many.statements).toBe(few.statements);
    // The session, then the trial with its read's audit row and everything the page's fields read
    // (trial-page-data.ts); with one statement per loader it came to 19 (issue #16).
    expect(many.statements).toBe(2);
  });
});
