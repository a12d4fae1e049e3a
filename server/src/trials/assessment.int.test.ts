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
  trialRowCounts,
} from './trial.builders.ts';

interface Assessed {
  assessResponse: {
    state: string;
    endedOn: string | null;
    discontinuationReason: string | null;
    assessments: {
      assessedOn: string;
      meanScore: number;
      relativeReduction: number;
      responseClass: string;
      decision: string;
    }[];
  };
}

describe('assessing the response', () => {
  const clock = fixedClock('2026-06-01T09:00:00Z');
  let server: TestServer;
  let cast: Awaited<ReturnType<typeof aNetwork>>;
  let clinician: Api;

  beforeAll(async () => {
    server = await startTestServer({ clock });
    cast = await aNetwork(server.db.prisma);
    clinician = apiAs(server, await signIn(server, cast.clinician));
  });
  afterAll(async () => {
    await server?.close();
  });

  /** A trial started 03-01 (baseline 10 on 02-25) at 4.5 mg from 03-29: the window opens 04-26. */
  async function aTrialAtTarget(scores: Record<string, number> = {}): Promise<string> {
    const patient = await aPatientReadyToStart(server.db.prisma, cast.clinic.id, cast.coordinator.id, {
      painScores: { '2026-02-25': 10, ...scores },
    });
    const { startTrial } = await clinician<{ startTrial: { id: string } }>(OPERATIONS.start, {
      patientId: patient.id,
      input: startInput(),
    });
    for (const [changedOn, doseMg] of [
      ['2026-03-15', 3],
      ['2026-03-29', 4.5],
    ] as const) {
      await clinician(OPERATIONS.changeDose, { trialId: startTrial.id, input: { changedOn, doseMg } });
    }
    return startTrial.id;
  }
  const assess = async (trialId: string, input: Record<string, unknown>) =>
    (await clinician<Assessed>(OPERATIONS.assess, { trialId, input })).assessResponse;

  it('refuses an assessment on day 55, before the window opens (ASSESSMENT_TOO_EARLY)', async () => {
    const trialId = await aTrialAtTarget(scoresEndingOn('2026-04-25', 6));
    await expect(assess(trialId, { assessedOn: '2026-04-25', decision: 'CONTINUE' })).rejects.toMatchObject({
      extensions: {
        code: 'RULE_VIOLATION',
        findings: [expect.objectContaining({ code: 'ASSESSMENT_TOO_EARLY', severity: 'HARD_STOP' })],
      },
    });
  });

  it('assesses on day 56 and continues the trial', async () => {
    const trialId = await aTrialAtTarget(scoresEndingOn('2026-04-26', 4));
    const trial = await assess(trialId, { assessedOn: '2026-04-26', decision: 'CONTINUE' });
    expect(trial).toMatchObject({
      state: 'CONTINUING',
      endedOn: null,
      assessments: [
        {
          assessedOn: '2026-04-26',
          meanScore: 4,
          relativeReduction: 0.6,
          responseClass: 'SUBSTANTIAL',
          decision: 'CONTINUE',
        },
      ],
    });
    expect(await server.db.prisma.auditLog.count({ where: { action: 'ASSESS', entityId: trialId } })).toBe(1);
  });

  it.each([
    [5, 'SUBSTANTIAL'],
    [7, 'MEANINGFUL'],
    [9, 'MINIMAL'],
    [10, 'NONE'],
  ])(
    'classifies a mean of %s against a baseline of 10 as %s (thresholds inclusive, exactly 30 % is MEANINGFUL)',
    async (score, responseClass) => {
      const trialId = await aTrialAtTarget(scoresEndingOn('2026-05-01', score));
      const trial = await assess(trialId, { assessedOn: '2026-05-01', decision: 'EXTEND' });
      expect(trial.state).toBe('EXTENDED');
      expect(trial.assessments[0]).toMatchObject({ meanScore: score, responseClass });
    },
  );

  it.each(['ADVERSE_EFFECTS', 'PATIENT_CHOICE'])(
    'allows a discontinuation for %s before the window',
    async (reason) => {
      const trialId = await aTrialAtTarget({ '2026-04-01': 8 });
      const trial = await assess(trialId, {
        assessedOn: '2026-04-01',
        decision: 'DISCONTINUE',
        discontinuationReason: reason,
      });
      expect(trial).toMatchObject({
        state: 'DISCONTINUED',
        endedOn: '2026-04-01',
        discontinuationReason: reason,
      });
    },
  );

  it('refuses an early discontinuation for another reason', async () => {
    const trialId = await aTrialAtTarget({ '2026-04-01': 8 });
    await expect(
      assess(trialId, {
        assessedOn: '2026-04-01',
        decision: 'DISCONTINUE',
        discontinuationReason: 'INEFFECTIVE',
      }),
    ).rejects.toMatchObject({ extensions: { code: 'RULE_VIOLATION' } });
  });

  it('needs a reason to discontinue', async () => {
    const trialId = await aTrialAtTarget(scoresEndingOn('2026-04-30', 8));
    await expect(
      assess(trialId, { assessedOn: '2026-04-30', decision: 'DISCONTINUE' }),
    ).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'discontinuationReason' },
    });
  });

  it('refuses an assessment without a pain score in the 7 days ending on it, and writes nothing', async () => {
    const trialId = await aTrialAtTarget({ '2026-04-20': 5 });
    const before = await trialRowCounts(server.db.prisma);
    await expect(assess(trialId, { assessedOn: '2026-04-27', decision: 'CONTINUE' })).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'assessedOn' },
    });
    expect(await trialRowCounts(server.db.prisma)).toEqual(before);
  });

  it('ends the trial with a DISCONTINUE decision, after which it cannot change', async () => {
    const trialId = await aTrialAtTarget(scoresEndingOn('2026-05-01', 10));
    const trial = await assess(trialId, {
      assessedOn: '2026-05-01',
      decision: 'DISCONTINUE',
      discontinuationReason: 'INEFFECTIVE',
    });
    expect(trial).toMatchObject({
      state: 'DISCONTINUED',
      endedOn: '2026-05-01',
      discontinuationReason: 'INEFFECTIVE',
    });
    await expect(assess(trialId, { assessedOn: '2026-05-01', decision: 'CONTINUE' })).rejects.toMatchObject({
      extensions: { code: 'INVALID_TRANSITION' },
    });
    await expect(
      clinician(OPERATIONS.changeDose, { trialId, input: { changedOn: '2026-05-10', doseMg: 3 } }),
    ).rejects.toMatchObject({ extensions: { code: 'INVALID_TRANSITION' } });
  });

  it('moves the window later by the days on hold', async () => {
    const trialId = await aTrialAtTarget(scoresEndingOn('2026-04-30', 5));
    await clinician(OPERATIONS.hold, { trialId, input: { heldOn: '2026-04-01', reason: 'OPIOID_NEEDED' } });
    await clinician(OPERATIONS.resume, { trialId, input: { resumedOn: '2026-04-06' } });
    // Five days on hold: the window opens 05-01 instead of 04-26.
    await expect(assess(trialId, { assessedOn: '2026-04-30', decision: 'CONTINUE' })).rejects.toMatchObject({
      extensions: { code: 'RULE_VIOLATION' },
    });
    const { patientId } = await server.db.prisma.trial.findUniqueOrThrow({ where: { id: trialId } });
    await painScores(server.db.prisma, patientId, cast.coordinator.id, { '2026-05-01': 5 });
    expect((await assess(trialId, { assessedOn: '2026-05-01', decision: 'CONTINUE' })).state).toBe(
      'CONTINUING',
    );
  });
});
