import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aNetwork, signIn } from '../test/builders.ts';
import { fixedClock, startTestServer, type TestServer } from '../test/harness.ts';
import {
  type Api,
  aPatientReadyToStart,
  apiAs,
  OPERATIONS,
  painScores,
  scoresEndingOn,
  startInput,
} from './trial.builders.ts';

interface Worklist {
  worklist: { code: string; date: string; trial: { id: string } }[];
}

describe('a trial from history to response assessment (clinical-rules §9 dates)', () => {
  const clock = fixedClock('2026-02-27T09:00:00Z');
  let server: TestServer;
  let cast: Awaited<ReturnType<typeof aNetwork>>;

  beforeAll(async () => {
    server = await startTestServer({ clock });
    cast = await aNetwork(server.db.prisma);
  });
  afterAll(async () => {
    await server?.close();
  });

  /** Moves "today" and signs in again (sessions expire as the clock moves). */
  async function on(date: string): Promise<{ clinician: Api; coordinator: Api }> {
    clock.set(`${date}T09:00:00Z`);
    return {
      clinician: apiAs(server, await signIn(server, cast.clinician)),
      coordinator: apiAs(server, await signIn(server, cast.coordinator)),
    };
  }
  const actionsOf = async (api: Api, trialId: string) =>
    (await api<Worklist>(OPERATIONS.worklist)).worklist
      .filter((i) => i.trial.id === trialId)
      .map((i) => [i.code, i.date]);

  it('starts, steps up twice, and is assessed in the window', async () => {
    // History, opioid-free attestation, consent and baseline (recorded by the patients module).
    const patient = await aPatientReadyToStart(server.db.prisma, cast.clinic.id, cast.coordinator.id);

    let { clinician, coordinator } = await on('2026-03-01');
    const preview = await coordinator<{ trialStartCheck: { canStart: boolean } }>(OPERATIONS.startCheck, {
      patientId: patient.id,
      input: startInput(),
    });
    expect(preview.trialStartCheck.canStart).toBe(true);
    const { startTrial } = await clinician<{ startTrial: { id: string; state: string } }>(OPERATIONS.start, {
      patientId: patient.id,
      input: startInput(),
    });
    const trialId = startTrial.id;
    expect(startTrial.state).toBe('TITRATING');

    ({ clinician, coordinator } = await on('2026-03-15'));
    expect(await actionsOf(coordinator, trialId)).toEqual([['DOSE_STEP_DUE', '2026-03-15']]);
    await clinician(OPERATIONS.changeDose, { trialId, input: { changedOn: '2026-03-15', doseMg: 3 } });

    ({ clinician, coordinator } = await on('2026-03-29'));
    const { changeDose } = await clinician<{ changeDose: { state: string } }>(OPERATIONS.changeDose, {
      trialId,
      input: { changedOn: '2026-03-29', doseMg: 4.5 },
    });
    expect(changeDose.state).toBe('AT_TARGET');

    await painScores(server.db.prisma, patient.id, cast.coordinator.id, scoresEndingOn('2026-04-26', 4, 10));
    ({ clinician, coordinator } = await on('2026-04-25'));
    expect(await actionsOf(coordinator, trialId)).toEqual([]);
    await expect(
      clinician(OPERATIONS.assess, { trialId, input: { assessedOn: '2026-04-25', decision: 'CONTINUE' } }),
    ).rejects.toMatchObject({ extensions: { code: 'RULE_VIOLATION' } });

    ({ clinician, coordinator } = await on('2026-04-26'));
    expect(await actionsOf(coordinator, trialId)).toEqual([['ASSESSMENT_WINDOW_OPEN', '2026-05-24']]);
    await clinician(OPERATIONS.assess, {
      trialId,
      input: { assessedOn: '2026-04-26', decision: 'CONTINUE' },
    });

    const { trial } = await coordinator<{ trial: Record<string, unknown> }>(OPERATIONS.trial, {
      id: trialId,
    });
    expect(trial).toMatchObject({
      state: 'CONTINUING',
      status: {
        state: 'CONTINUING',
        currentDoseMg: 4.5,
        assessmentWindow: { opensOn: '2026-04-26', dueBy: '2026-05-24' },
        actions: [],
        timeline: [
          { from: '2026-03-01', doseMg: 1.5, status: 'PAST' },
          { from: '2026-03-15', doseMg: 3, status: 'PAST' },
          { from: '2026-03-29', doseMg: 4.5, status: 'CURRENT' },
        ],
      },
      doseChanges: [
        { changedOn: '2026-03-15', doseMg: 3 },
        { changedOn: '2026-03-29', doseMg: 4.5 },
      ],
      // Baseline 7, mean 4: a reduction of 3/7 (43 %).
      assessments: [
        {
          assessedOn: '2026-04-26',
          baselineScore: 7,
          meanScore: 4,
          responseClass: 'MEANINGFUL',
          decision: 'CONTINUE',
        },
      ],
    });
    expect(await actionsOf(coordinator, trialId)).toEqual([]);
  });
});
