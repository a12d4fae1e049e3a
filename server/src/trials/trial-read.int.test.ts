import { addDays } from '@ldn/rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aNetwork, signIn } from '../test/builders.ts';
import { fixedClock, startTestServer, type TestServer } from '../test/harness.ts';
import {
  type Api,
  aPatientReadyToStart,
  apiAs,
  aTrialRow,
  OPERATIONS,
  painScores,
} from './trial.builders.ts';

describe('reading a trial', () => {
  const clock = fixedClock('2026-03-20T09:00:00Z');
  let server: TestServer;
  let cast: Awaited<ReturnType<typeof aNetwork>>;
  let coordinator: Api;

  beforeAll(async () => {
    server = await startTestServer({ clock });
    cast = await aNetwork(server.db.prisma);
    coordinator = apiAs(server, await signIn(server, cast.coordinator));
  });
  afterAll(async () => {
    await server?.close();
  });

  /** A trial with `count` dose records (holds of 1.5 mg, one a day), scores and adverse effects. */
  async function aTrialWithEvents(count: number) {
    const patient = await aPatientReadyToStart(server.db.prisma, cast.clinic.id, cast.coordinator.id);
    const days = Array.from({ length: count }, (_, i) => addDays('2026-03-02', i));
    const trial = await aTrialRow(server.db.prisma, patient, cast.clinician.id, {
      doseChanges: days.map((day) => [day, 1.5]),
    });
    await painScores(
      server.db.prisma,
      patient.id,
      cast.coordinator.id,
      Object.fromEntries(days.map((d) => [d, 5])),
    );
    await server.db.prisma.adverseEffect.createMany({
      data: days.map((day) => ({
        trialId: trial.id,
        kind: 'HEADACHE' as const,
        onsetOn: new Date(`${day}T00:00:00Z`),
        severity: 'MILD' as const,
        action: 'NONE' as const,
        recordedById: cast.coordinator.id,
      })),
    });
    return trial;
  }

  it('shows the trial with its patient, prescriber, plan, status and events, and audits the read', async () => {
    const trial = await aTrialRow(
      server.db.prisma,
      await aPatientReadyToStart(server.db.prisma, cast.clinic.id, cast.coordinator.id, {
        painScores: { '2026-02-10': 9, '2026-02-25': 7, '2026-03-10': 6 },
      }),
      cast.clinician.id,
      { doseChanges: [['2026-03-15', 3]] },
    );
    const { trial: view } = await coordinator<{ trial: Record<string, unknown> }>(OPERATIONS.trial, {
      id: trial.id,
    });
    expect(view).toMatchObject({
      id: trial.id,
      condition: 'CRPS',
      state: 'TITRATING',
      asOf: '2026-03-20',
      startDate: '2026-03-01',
      baseline: { date: '2026-02-25', score: 7 },
      patient: { id: trial.patientId },
      status: {
        state: 'TITRATING',
        currentDoseMg: 3,
        nextStep: { date: '2026-03-29', doseMg: 4.5, overdue: false },
        assessmentWindow: { opensOn: '2026-04-26', dueBy: '2026-05-24', open: false, overdue: false },
        actions: [],
        timeline: [
          { from: '2026-03-01', doseMg: 1.5, status: 'PAST' },
          { from: '2026-03-15', doseMg: 3, status: 'CURRENT' },
          { from: '2026-03-29', doseMg: 4.5, status: 'NEXT' },
        ],
      },
      plan: { targetReachedOn: '2026-03-29', assessmentOpensOn: '2026-04-26', assessmentDueBy: '2026-05-24' },
      doseChanges: [{ changedOn: '2026-03-15', doseMg: 3, note: null }],
      // Since the baseline: the older score of 02-10 is not part of the trial's chart.
      painScores: [
        { scoredOn: '2026-02-25', score: 7 },
        { scoredOn: '2026-03-10', score: 6 },
      ],
      policy: { name: 'Default (clinical-rules.md)' },
    });
    const { name } = await server.db.prisma.user.findUniqueOrThrow({ where: { id: cast.clinician.id } });
    expect(view.prescriber).toBe(name);
    expect(
      await server.db.prisma.auditLog.count({
        where: { action: 'READ', entity: 'Trial', entityId: trial.id, actorId: cast.coordinator.id },
      }),
    ).toBe(1);
  });

  it('derives the status as of the date asked', async () => {
    const trial = await aTrialRow(
      server.db.prisma,
      await aPatientReadyToStart(server.db.prisma, cast.clinic.id, cast.coordinator.id),
      cast.clinician.id,
    );
    const { trial: view } = await coordinator<{
      trial: { status: { state: string; actions: { code: string }[] } };
    }>(OPERATIONS.trial, { id: trial.id, asOf: '2026-02-28' });
    expect(view.status).toMatchObject({ state: 'READY', actions: [] });
  });

  it("lists a patient's trials on the patient", async () => {
    const patient = await aPatientReadyToStart(server.db.prisma, cast.clinic.id, cast.coordinator.id);
    const first = await aTrialRow(server.db.prisma, patient, cast.clinician.id, {
      startDate: '2026-01-01',
      state: 'DISCONTINUED',
    });
    const second = await aTrialRow(server.db.prisma, patient, cast.clinician.id);
    const { patient: found } = await coordinator<{ patient: { trials: { id: string }[] } }>(
      'query ($id: ID!) { patient(id: $id) { trials { id } } }',
      { id: patient.id },
    );
    expect(found.trials.map((t) => t.id)).toEqual([second.id, first.id]);
  });

  it('costs the same number of SQL statements with 10 and with 100 scores and dose events', async () => {
    const statementsToRead = async (id: string) => {
      let statements = 0;
      const stop = server.db.onStatement(() => {
        statements += 1;
      });
      try {
        await coordinator(OPERATIONS.trial, { id });
      } finally {
        stop();
      }
      return statements;
    };
    const ten = await aTrialWithEvents(10);
    const hundred = await aTrialWithEvents(100);
    const withTen = await statementsToRead(ten.id);
    expect(await statementsToRead(hundred.id)).toBe(withTen);
  });
});
