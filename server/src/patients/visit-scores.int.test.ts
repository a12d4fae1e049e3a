import type { Patient, PrismaClient } from '@ldn/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aNetwork, signIn } from '../test/builders.ts';
import { fixedClock, startTestServer, type TestServer } from '../test/harness.ts';
import { type Api, aPatient, apiAs } from './patient.builders.ts';
import { RECORD_SYMPTOM_SCORE } from './patient.operations.ts';
import { PATIENT_SCORES, RECORD_VISIT_SCORES } from './symptom-score.operations.ts';

interface Score {
  id: string;
  measure: string;
  scoredOn: string;
  score: number;
  version: number;
  recordedBy: string;
  enteredInError: boolean;
}

const TODAY = '2026-03-10';
const MISSING_ID = '00000000-0000-4000-8000-000000000000';

/** Every row a refused visit could have written. */
async function snapshot(prisma: PrismaClient) {
  const [scores, audits] = await Promise.all([
    prisma.symptomScore.findMany({ orderBy: { id: 'asc' } }),
    prisma.auditLog.count({ where: { action: { notIn: ['SIGN_IN', 'READ'] } } }),
  ]);
  return { scores, audits };
}

describe('one visit, one form: recordVisitScores', () => {
  // Today is 2026-03-10 in the clinic.
  let server: TestServer;
  let cast: Awaited<ReturnType<typeof aNetwork>>;
  const as: Record<string, Api> = {};
  beforeAll(async () => {
    server = await startTestServer({ clock: fixedClock(`${TODAY}T15:00:00Z`) });
    cast = await aNetwork(server.db.prisma);
    for (const role of ['clinician', 'coordinator', 'otherClinician', 'pharmacist', 'admin'] as const) {
      as[role] = apiAs(server, await signIn(server, cast[role]));
    }
  });
  afterAll(async () => {
    await server?.close();
  });

  const newPatient = () => aPatient(server.db.prisma, cast.clinic.id);
  const recordVisit = async (
    patient: Patient,
    scores: { measure: string; score: number }[],
    scoredOn = TODAY,
    api = as.coordinator!,
  ) =>
    (
      await api<{ recordVisitScores: Score[] }>(RECORD_VISIT_SCORES, {
        patientId: patient.id,
        scoredOn,
        scores,
      })
    ).recordVisitScores;

  it('records pain and the secondary measures of a visit together, pain first', async () => {
    const patient = await newPatient();
    const recorded = await recordVisit(patient, [
      { measure: 'SLEEP', score: 3 },
      { measure: 'PAIN_NRS', score: 6 },
      { measure: 'FATIGUE', score: 8 },
      { measure: 'QUALITY_OF_LIFE', score: 4 },
    ]);
    expect(recorded.map((s) => [s.measure, s.score])).toEqual([
      ['PAIN_NRS', 6],
      ['QUALITY_OF_LIFE', 4],
      ['SLEEP', 3],
      ['FATIGUE', 8],
    ]);
    const name = (await server.db.prisma.user.findUniqueOrThrow({ where: { id: cast.coordinator.id } })).name;
    for (const score of recorded) {
      expect(score).toMatchObject({ scoredOn: TODAY, version: 1, recordedBy: name, enteredInError: false });
    }
  });

  it('records a visit of some measures only, the others left blank', async () => {
    const patient = await newPatient();
    expect(await recordVisit(patient, [{ measure: 'FATIGUE', score: 2 }])).toMatchObject([
      { measure: 'FATIGUE', score: 2 },
    ]);
  });

  it.each([0, 10])('accepts the boundary score %i', async (score) => {
    const patient = await newPatient();
    expect(await recordVisit(patient, [{ measure: 'PAIN_NRS', score }])).toMatchObject([{ score }]);
  });

  it('writes one CREATE audit row per score, with ids only', async () => {
    const patient = await newPatient();
    const recorded = await recordVisit(patient, [
      { measure: 'PAIN_NRS', score: 5 },
      { measure: 'SLEEP', score: 6 },
    ]);
    const rows = await server.db.prisma.auditLog.findMany({
      where: { entity: 'SymptomScore', entityId: { in: recorded.map((s) => s.id) } },
    });
    expect(rows.map((row) => row.entityId).sort()).toEqual(recorded.map((s) => s.id).sort());
    for (const row of rows) {
      expect(row).toMatchObject({
        action: 'CREATE',
        actorId: cast.coordinator.id,
        organisationId: cast.clinic.id,
      });
    }
  });

  describe('all or nothing', () => {
    it.each([
      [
        'a score above 10',
        [
          { measure: 'PAIN_NRS', score: 6 },
          { measure: 'SLEEP', score: 11 },
        ],
        'scores.1.score',
        'INVALID_SCORE',
      ],
      [
        'a negative score',
        [
          { measure: 'FATIGUE', score: -1 },
          { measure: 'PAIN_NRS', score: 6 },
        ],
        'scores.0.score',
        'INVALID_SCORE',
      ],
      [
        'a measure twice',
        [
          { measure: 'PAIN_NRS', score: 6 },
          { measure: 'PAIN_NRS', score: 7 },
        ],
        'scores.1.measure',
        'DUPLICATE_MEASURE',
      ],
      ['no score at all', [], 'scores', 'NO_SCORES'],
    ])('refuses a visit with %s, naming the score, and writes nothing', async (_, scores, field, reason) => {
      const patient = await newPatient();
      const before = await snapshot(server.db.prisma);
      await expect(recordVisit(patient, scores)).rejects.toMatchObject({
        extensions: { code: 'BAD_USER_INPUT', field, reason },
      });
      expect(await snapshot(server.db.prisma)).toEqual(before);
    });

    it('says every refused score at once', async () => {
      const patient = await newPatient();
      await expect(
        recordVisit(patient, [
          { measure: 'PAIN_NRS', score: 12 },
          { measure: 'SLEEP', score: 4 },
          { measure: 'FATIGUE', score: 99 },
        ]),
      ).rejects.toMatchObject({
        extensions: {
          fields: [
            { field: 'scores.0.score', message: 'Pain: a score is a whole number from 0 to 10.' },
            { field: 'scores.2.score', message: 'Fatigue: a score is a whole number from 0 to 10.' },
          ],
        },
      });
    });

    it('refuses a measure already scored that day by name, and records none of the visit', async () => {
      const patient = await newPatient();
      await recordVisit(patient, [{ measure: 'SLEEP', score: 5 }]);
      const before = await snapshot(server.db.prisma);
      await expect(
        recordVisit(patient, [
          { measure: 'PAIN_NRS', score: 6 },
          { measure: 'SLEEP', score: 4 },
        ]),
      ).rejects.toMatchObject({
        message: expect.stringContaining('Sleep quality was already scored on 2026-03-10'),
        extensions: { code: 'BAD_USER_INPUT', field: 'scores.1.measure', reason: 'ALREADY_SCORED' },
      });
      expect(await snapshot(server.db.prisma)).toEqual(before);
    });

    it('records the same measure on another day', async () => {
      const patient = await newPatient();
      await recordVisit(patient, [{ measure: 'PAIN_NRS', score: 6 }], '2026-03-09');
      expect(await recordVisit(patient, [{ measure: 'PAIN_NRS', score: 5 }])).toHaveLength(1);
    });

    it('records one of two visits of the same measure sent at once, and refuses the other', async () => {
      const patient = await newPatient();
      const results = await Promise.allSettled([
        recordVisit(patient, [{ measure: 'PAIN_NRS', score: 6 }], TODAY, as.coordinator),
        recordVisit(patient, [{ measure: 'PAIN_NRS', score: 7 }], TODAY, as.clinician),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
      expect(await server.db.prisma.symptomScore.count({ where: { patientId: patient.id } })).toBe(1);
    });
  });

  describe('dates (EVENT: not in the future)', () => {
    it('refuses tomorrow and writes nothing', async () => {
      const patient = await newPatient();
      const before = await snapshot(server.db.prisma);
      await expect(
        recordVisit(patient, [{ measure: 'PAIN_NRS', score: 5 }], '2026-03-11'),
      ).rejects.toMatchObject({
        extensions: { code: 'BAD_USER_INPUT', field: 'scoredOn' },
      });
      expect(await snapshot(server.db.prisma)).toEqual(before);
    });

    it('refuses an impossible calendar date', async () => {
      const patient = await newPatient();
      await expect(
        recordVisit(patient, [{ measure: 'PAIN_NRS', score: 5 }], '2026-02-30'),
      ).rejects.toMatchObject({
        extensions: { code: 'BAD_USER_INPUT' },
      });
    });
  });

  describe('who may record a visit', () => {
    it('lets a clinician record it too', async () => {
      const patient = await newPatient();
      expect(
        await recordVisit(patient, [{ measure: 'PAIN_NRS', score: 4 }], TODAY, as.clinician),
      ).toHaveLength(1);
    });

    it.each(['pharmacist', 'admin'])('refuses a %s (FORBIDDEN) and writes nothing', async (role) => {
      const patient = await newPatient();
      const before = await snapshot(server.db.prisma);
      await expect(
        recordVisit(patient, [{ measure: 'PAIN_NRS', score: 4 }], TODAY, as[role]),
      ).rejects.toMatchObject({
        extensions: { code: 'FORBIDDEN' },
      });
      expect(await snapshot(server.db.prisma)).toEqual(before);
    });

    it('answers another clinic’s patient exactly like a missing one: NOT_FOUND', async () => {
      const patient = await newPatient();
      const before = await snapshot(server.db.prisma);
      for (const patientId of [patient.id, MISSING_ID, 'not-an-id']) {
        await expect(
          as.otherClinician!(RECORD_VISIT_SCORES, {
            patientId,
            scoredOn: TODAY,
            scores: [{ measure: 'PAIN_NRS', score: 4 }],
          }),
        ).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
      }
      expect(await snapshot(server.db.prisma)).toEqual(before);
    });
  });

  describe('the single-score mutation, a visit of one measure', () => {
    it('refuses the same measure on the same day again (ALREADY_SCORED): it is amended, not overwritten', async () => {
      const patient = await newPatient();
      const input = { measure: 'PAIN_NRS', scoredOn: TODAY, score: 4 };
      await as.coordinator!(RECORD_SYMPTOM_SCORE, { patientId: patient.id, input });
      await expect(
        as.coordinator!(RECORD_SYMPTOM_SCORE, { patientId: patient.id, input: { ...input, score: 5 } }),
      ).rejects.toMatchObject({
        extensions: { code: 'BAD_USER_INPUT', field: 'measure', reason: 'ALREADY_SCORED' },
      });
      const { patient: read } = await as.coordinator!<{ patient: { symptomScores: Score[] } }>(
        PATIENT_SCORES,
        {
          id: patient.id,
        },
      );
      expect(read.symptomScores.map((s) => s.score)).toEqual([4]);
    });
  });
});
