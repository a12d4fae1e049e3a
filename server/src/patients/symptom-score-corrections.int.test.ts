import type { Patient, PrismaClient } from '@ldn/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aNetwork, signIn } from '../test/builders.ts';
import { fixedClock, startTestServer, type TestServer } from '../test/harness.ts';
import { aPatientReadyToStart, OPERATIONS, scoresEndingOn, startInput } from '../trials/trial.builders.ts';
import { type Api, aPatient, apiAs } from './patient.builders.ts';
import {
  AMEND_SYMPTOM_SCORE,
  MARK_SYMPTOM_SCORE_ENTERED_IN_ERROR,
  PATIENT_SCORES,
  RECORD_VISIT_SCORES,
} from './symptom-score.operations.ts';

interface Score {
  id: string;
  measure: string;
  scoredOn: string;
  score: number;
  version: number;
  enteredInError: boolean;
  enteredInErrorAt: string | null;
  enteredInErrorReason: string | null;
  enteredInErrorByName: string | null;
  amendments: { amendedAt: string; amendedBy: string; reason: string; previous: string }[];
}

const NOW = '2026-06-01T09:00:00.000Z';
const TODAY = '2026-06-01';
const MISSING_ID = '00000000-0000-4000-8000-000000000000';

/** Every row a refused correction could have written or changed. */
async function snapshot(prisma: PrismaClient) {
  const [scores, amendments, audits] = await Promise.all([
    prisma.symptomScore.findMany({ orderBy: { id: 'asc' } }),
    prisma.recordAmendment.count(),
    prisma.auditLog.count({ where: { action: { notIn: ['SIGN_IN', 'READ'] } } }),
  ]);
  return { scores, amendments, audits };
}

describe('correcting a symptom score (workflows.md "Corrections")', () => {
  // Today is 2026-06-01 in the clinic.
  let server: TestServer;
  let cast: Awaited<ReturnType<typeof aNetwork>>;
  const as: Record<string, Api> = {};
  const names: Record<string, string> = {};
  beforeAll(async () => {
    server = await startTestServer({ clock: fixedClock(NOW) });
    cast = await aNetwork(server.db.prisma);
    for (const role of ['clinician', 'coordinator', 'otherClinician', 'pharmacist', 'admin'] as const) {
      as[role] = apiAs(server, await signIn(server, cast[role]));
      names[role] = (await server.db.prisma.user.findUniqueOrThrow({ where: { id: cast[role].id } })).name;
    }
  });
  afterAll(async () => {
    await server?.close();
  });

  const newPatient = () => aPatient(server.db.prisma, cast.clinic.id);
  const recordScore = async (patient: Patient, measure: string, score: number, scoredOn = TODAY) => {
    const { recordVisitScores } = await as.coordinator!<{ recordVisitScores: Score[] }>(RECORD_VISIT_SCORES, {
      patientId: patient.id,
      scoredOn,
      scores: [{ measure, score }],
    });
    return recordVisitScores[0] as Score;
  };
  const amend = async (
    score: Score,
    value: number,
    reason: string,
    api = as.coordinator!,
    version = score.version,
  ) =>
    (
      await api<{ amendSymptomScore: Score }>(AMEND_SYMPTOM_SCORE, {
        scoreId: score.id,
        version,
        score: value,
        reason,
      })
    ).amendSymptomScore;
  const markInError = async (score: Score, reason = 'scored for the wrong patient', api = as.clinician!) =>
    (
      await api<{ markSymptomScoreEnteredInError: Score }>(MARK_SYMPTOM_SCORE_ENTERED_IN_ERROR, {
        scoreId: score.id,
        version: score.version,
        reason,
      })
    ).markSymptomScoreEnteredInError;
  const readScores = async (patient: Patient) =>
    (
      await as.coordinator!<{ patient: { symptomScores: Score[]; baselineCandidate: Score | null } }>(
        PATIENT_SCORES,
        { id: patient.id },
      )
    ).patient;

  describe('amending', () => {
    it('changes the score and keeps the previous one with the reason, who and when', async () => {
      const patient = await newPatient();
      const recorded = await recordScore(patient, 'PAIN_NRS', 6);
      const amended = await amend(recorded, 5, 'patient said 5, typed 6');
      expect(amended).toMatchObject({ id: recorded.id, score: 5, version: 2, enteredInError: false });
      expect(amended.amendments).toEqual([
        {
          amendedAt: NOW,
          amendedBy: names.coordinator,
          reason: 'patient said 5, typed 6',
          previous: JSON.stringify({ score: 6 }),
        },
      ]);
      const kept = await server.db.prisma.recordAmendment.findMany({ where: { entityId: recorded.id } });
      expect(kept).toMatchObject([
        {
          entity: 'SymptomScore',
          patientId: patient.id,
          previous: { score: 6 },
          amendedById: cast.coordinator.id,
        },
      ]);
    });

    it('keeps every previous value in order: before and after of each amendment', async () => {
      const patient = await newPatient();
      const recorded = await recordScore(patient, 'FATIGUE', 3);
      const once = await amend(recorded, 4, 'first correction');
      const twice = await amend(once, 8, 'second correction', as.clinician);
      expect(twice.score).toBe(8);
      expect(twice.amendments.map((a) => [JSON.parse(a.previous).score, a.amendedBy])).toEqual([
        [3, names.coordinator],
        [4, names.clinician],
      ]);
    });

    it('audits the creation and the amendment in order, ids only', async () => {
      const patient = await newPatient();
      const recorded = await recordScore(patient, 'SLEEP', 3);
      await amend(recorded, 4, 'misheard');
      const rows = await server.db.prisma.auditLog.findMany({
        where: { entity: 'SymptomScore', entityId: recorded.id },
        orderBy: { id: 'asc' },
      });
      expect(rows.map((row) => [row.action, row.actorId])).toEqual([
        ['CREATE', cast.coordinator.id],
        ['AMEND', cast.coordinator.id],
      ]);
    });

    it.each([
      ['a score above 10', 11, 'because', 'score', 'BAD_USER_INPUT'],
      ['a negative score', -1, 'because', 'score', 'BAD_USER_INPUT'],
      ['the same score', 6, 'because', 'score', 'BAD_USER_INPUT'],
      ['a blank reason', 5, '   ', 'reason', 'BAD_USER_INPUT'],
    ])('refuses %s and changes nothing', async (_, value, reason, field, code) => {
      const patient = await newPatient();
      const recorded = await recordScore(patient, 'PAIN_NRS', 6);
      const before = await snapshot(server.db.prisma);
      await expect(amend(recorded, value, reason)).rejects.toMatchObject({ extensions: { code, field } });
      expect(await snapshot(server.db.prisma)).toEqual(before);
    });

    it('refuses a stale version (CONFLICT): two people cannot both win', async () => {
      const patient = await newPatient();
      const recorded = await recordScore(patient, 'PAIN_NRS', 6);
      await amend(recorded, 5, 'first');
      const before = await snapshot(server.db.prisma);
      await expect(amend(recorded, 4, 'second, from the old version')).rejects.toMatchObject({
        extensions: { code: 'CONFLICT' },
      });
      expect(await snapshot(server.db.prisma)).toEqual(before);
    });

    it('refuses to amend a score entered in error (INVALID_TRANSITION)', async () => {
      const patient = await newPatient();
      const marked = await markInError(await recordScore(patient, 'PAIN_NRS', 6));
      await expect(amend(marked, 5, 'too late')).rejects.toMatchObject({
        extensions: { code: 'INVALID_TRANSITION', state: 'ENTERED_IN_ERROR' },
      });
    });

    it.each(['pharmacist', 'admin'])('refuses a %s (FORBIDDEN)', async (role) => {
      const patient = await newPatient();
      const recorded = await recordScore(patient, 'PAIN_NRS', 6);
      await expect(amend(recorded, 5, 'no', as[role])).rejects.toMatchObject({
        extensions: { code: 'FORBIDDEN' },
      });
    });

    it('answers another clinic’s score exactly like a missing one: NOT_FOUND', async () => {
      const patient = await newPatient();
      const recorded = await recordScore(patient, 'PAIN_NRS', 6);
      const before = await snapshot(server.db.prisma);
      for (const id of [recorded.id, MISSING_ID, 'not-an-id']) {
        await expect(amend({ ...recorded, id }, 5, 'not mine', as.otherClinician)).rejects.toMatchObject({
          extensions: { code: 'NOT_FOUND' },
        });
      }
      expect(await snapshot(server.db.prisma)).toEqual(before);
    });
  });

  describe('entered in error', () => {
    it('keeps the score, struck through with who, when and why, and audits it', async () => {
      const patient = await newPatient();
      const recorded = await recordScore(patient, 'QUALITY_OF_LIFE', 7);
      const marked = await markInError(recorded, 'another patient’s form');
      expect(marked).toMatchObject({
        id: recorded.id,
        score: 7,
        version: 2,
        enteredInError: true,
        enteredInErrorAt: NOW,
        enteredInErrorReason: 'another patient’s form',
        enteredInErrorByName: names.clinician,
      });
      expect((await readScores(patient)).symptomScores).toMatchObject([
        { id: recorded.id, enteredInError: true },
      ]);
      const audit = await server.db.prisma.auditLog.findMany({
        where: { entity: 'SymptomScore', entityId: recorded.id, action: 'ENTERED_IN_ERROR' },
      });
      expect(audit).toMatchObject([{ actorId: cast.clinician.id, organisationId: cast.clinic.id }]);
    });

    it('lets the right score be entered again the same day', async () => {
      const patient = await newPatient();
      const wrong = await recordScore(patient, 'PAIN_NRS', 9);
      await markInError(wrong);
      const right = await recordScore(patient, 'PAIN_NRS', 3);
      expect(right).toMatchObject({ scoredOn: TODAY, score: 3, enteredInError: false });
      const listed = (await readScores(patient)).symptomScores.map((s) => [s.score, s.enteredInError]);
      expect(listed).toEqual(
        expect.arrayContaining([
          [9, true],
          [3, false],
        ]),
      );
      expect(listed).toHaveLength(2);
      // …but still only one counted score per measure and day.
      await expect(recordScore(patient, 'PAIN_NRS', 4)).rejects.toMatchObject({
        extensions: { reason: 'ALREADY_SCORED' },
      });
    });

    it('refuses a coordinator (FORBIDDEN): entered in error is a clinician’s', async () => {
      const patient = await newPatient();
      const recorded = await recordScore(patient, 'PAIN_NRS', 6);
      const before = await snapshot(server.db.prisma);
      await expect(markInError(recorded, 'mine', as.coordinator)).rejects.toMatchObject({
        extensions: { code: 'FORBIDDEN' },
      });
      expect(await snapshot(server.db.prisma)).toEqual(before);
    });

    it('needs a reason', async () => {
      const patient = await newPatient();
      const recorded = await recordScore(patient, 'PAIN_NRS', 6);
      await expect(markInError(recorded, '')).rejects.toMatchObject({
        extensions: { code: 'BAD_USER_INPUT', field: 'reason' },
      });
    });

    it('refuses to mark it twice (INVALID_TRANSITION) and a stale version (CONFLICT)', async () => {
      const patient = await newPatient();
      const recorded = await recordScore(patient, 'PAIN_NRS', 6);
      const marked = await markInError(recorded);
      await expect(markInError(marked)).rejects.toMatchObject({ extensions: { code: 'INVALID_TRANSITION' } });
      const other = await recordScore(patient, 'SLEEP', 6);
      await amend(other, 5, 'corrected first');
      await expect(markInError(other)).rejects.toMatchObject({ extensions: { code: 'CONFLICT' } });
    });

    it('answers another clinic’s score exactly like a missing one: NOT_FOUND', async () => {
      const patient = await newPatient();
      const recorded = await recordScore(patient, 'PAIN_NRS', 6);
      for (const id of [recorded.id, MISSING_ID]) {
        await expect(markInError({ ...recorded, id }, 'not mine', as.otherClinician)).rejects.toMatchObject({
          extensions: { code: 'NOT_FOUND' },
        });
      }
      expect((await readScores(patient)).symptomScores[0]?.enteredInError).toBe(false);
    });
  });

  describe('a score entered in error counts nowhere', () => {
    it('is never the baseline candidate', async () => {
      const patient = await newPatient();
      await recordScore(patient, 'PAIN_NRS', 7, '2026-05-30');
      const latest = await recordScore(patient, 'PAIN_NRS', 2);
      expect((await readScores(patient)).baselineCandidate).toMatchObject({ id: latest.id, score: 2 });
      await markInError(latest);
      expect((await readScores(patient)).baselineCandidate).toMatchObject({
        scoredOn: '2026-05-30',
        score: 7,
      });
    });

    it('is never the baseline a trial starts with', async () => {
      const patient = await aPatientReadyToStart(server.db.prisma, cast.clinic.id, cast.coordinator.id, {
        painScores: { '2026-02-25': 7 },
      });
      const mistaken = await recordScore(patient, 'PAIN_NRS', 2, '2026-02-28');
      await markInError(mistaken);
      const { startTrial } = await as.clinician!<{
        startTrial: { baseline: { date: string; score: number } };
      }>(OPERATIONS.start, { patientId: patient.id, input: startInput() });
      expect(startTrial.baseline).toEqual({ date: '2026-02-25', score: 7 });
    });

    it('leaves the response window: the assessment mean and the trial’s pain chart are computed without it', async () => {
      // Started 03-01 with a baseline of 10, at 4.5 mg from 03-29: the window opens 04-26.
      const patient = await aPatientReadyToStart(server.db.prisma, cast.clinic.id, cast.coordinator.id, {
        painScores: { '2026-02-25': 10, ...scoresEndingOn('2026-04-25', 4) },
      });
      const { startTrial } = await as.clinician!<{ startTrial: { id: string } }>(OPERATIONS.start, {
        patientId: patient.id,
        input: startInput(),
      });
      for (const [changedOn, doseMg] of [
        ['2026-03-15', 3],
        ['2026-03-29', 4.5],
      ] as const) {
        await as.clinician!(OPERATIONS.changeDose, { trialId: startTrial.id, input: { changedOn, doseMg } });
      }
      // A 10 typed for another patient on the assessment day would pull the mean up to 4.86.
      const mistaken = await recordScore(patient, 'PAIN_NRS', 10, '2026-04-26');
      await markInError(mistaken);
      const { trial } = await as.clinician!<{ trial: { painScores: { scoredOn: string; score: number }[] } }>(
        OPERATIONS.trial,
        { id: startTrial.id },
      );
      expect(trial.painScores.map((s) => s.scoredOn)).not.toContain('2026-04-26');
      const { assessResponse } = await as.clinician!<{
        assessResponse: {
          assessments: { meanScore: number; relativeReduction: number; responseClass: string }[];
        };
      }>(OPERATIONS.assess, {
        trialId: startTrial.id,
        input: { assessedOn: '2026-04-26', decision: 'CONTINUE' },
      });
      // The 6 counted days 04-20 … 04-25, all 4: a 60 % reduction.
      expect(assessResponse.assessments[0]).toMatchObject({
        meanScore: 4,
        relativeReduction: 0.6,
        responseClass: 'SUBSTANTIAL',
      });
    });
  });
});
