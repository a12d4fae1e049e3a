import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbDate } from '../graphql/scalars.ts';
import { type Api, apiAs } from '../patients/patient.builders.ts';
import { aNetwork, signIn } from '../test/builders.ts';
import { fixedClock, startTestServer, type TestServer } from '../test/harness.ts';
import { markEnteredInError } from '../trials/trial-record-corrections.fixtures.ts';
import { someTrials, times } from './analytics.builders.ts';

// workflows.md, corrections: an assessment or an adverse effect entered in error counts in no
// figure. Ten fibromyalgia trials of one clinic (today 2026-06-30), each assessed MEANINGFUL on
// 03-01 (mean 4.9 from a baseline of 7) with an adverse effect; five were assessed again on
// 04-01 as NONE (mean 7.5). Then the five later assessments and five adverse effects are voided.

const OUTCOMES = `query { continuationReport(filter: {}) {
  trialCount assessedCount meanPainChange adverseEffectRate responseClasses { responseClass count } } }`;

interface Outcomes {
  trialCount: number;
  assessedCount: number | null;
  meanPainChange: number | null;
  adverseEffectRate: number | null;
  responseClasses: { responseClass: string; count: number | null }[];
}

describe('the continuation report after records are entered in error', () => {
  let server: TestServer;
  let admin: Api;
  let clinician: Api;
  let trialIds: string[];
  const report = async () => (await admin<{ continuationReport: Outcomes }>(OUTCOMES)).continuationReport;
  const countOf = (outcomes: Outcomes, responseClass: string) =>
    outcomes.responseClasses.find((entry) => entry.responseClass === responseClass)?.count;

  beforeAll(async () => {
    server = await startTestServer({ clock: fixedClock('2026-06-30T12:00:00Z') });
    const world = await aNetwork(server.db.prisma);
    trialIds = await someTrials(
      server.db.prisma,
      times(10, {
        clinicId: world.clinic.id,
        prescriberId: world.clinician.id,
        startDate: '2025-12-01',
        assessment: { assessedOn: '2026-03-01', meanScore: 4.9, responseClass: 'MEANINGFUL' },
        adverseEffects: [{ onsetOn: '2026-01-15' }],
      }),
    );
    await server.db.prisma.assessment.createMany({
      data: trialIds.slice(0, 5).map((trialId) => ({
        trialId,
        assessedOn: dbDate('2026-04-01'),
        baselineScore: 7,
        meanScore: 7.5,
        relativeReduction: 0,
        responseClass: 'NONE' as const,
        decision: 'CONTINUE' as const,
        assessedById: world.clinician.id,
      })),
    });
    admin = apiAs(server, await signIn(server, world.admin));
    clinician = apiAs(server, await signIn(server, world.clinician));
  });
  afterAll(async () => {
    await server?.close();
  });

  /** Marks the trial's record of `kind` (the latest, for assessments) entered in error. */
  async function voidLatest(trialId: string, kind: 'Assessment' | 'AdverseEffect') {
    const trial = await server.db.prisma.trial.findUniqueOrThrow({ where: { id: trialId } });
    const record =
      kind === 'Assessment'
        ? await server.db.prisma.assessment.findFirstOrThrow({
            where: { trialId },
            orderBy: { assessedOn: 'desc' },
          })
        : await server.db.prisma.adverseEffect.findFirstOrThrow({ where: { trialId } });
    await markEnteredInError(clinician, kind, record.id, trial.version);
  }

  it('reads each trial’s latest assessment that counts, and only the adverse effects that count', async () => {
    const before = await report();
    expect(before).toMatchObject({ trialCount: 10, assessedCount: 10, adverseEffectRate: 1 });
    expect([countOf(before, 'MEANINGFUL'), countOf(before, 'NONE')]).toEqual([5, 5]);
    expect(before.meanPainChange).toBeCloseTo((5 * (4.9 - 7) + 5 * (7.5 - 7)) / 10, 9);

    for (const trialId of trialIds.slice(0, 5)) await voidLatest(trialId, 'Assessment');
    for (const trialId of trialIds.slice(5)) await voidLatest(trialId, 'AdverseEffect');

    const after = await report();
    // The earlier MEANINGFUL assessment is each trial's latest again; five trials keep their effect.
    expect(after).toMatchObject({ trialCount: 10, assessedCount: 10, adverseEffectRate: 0.5 });
    expect([countOf(after, 'MEANINGFUL'), countOf(after, 'NONE')]).toEqual([10, 0]);
    expect(after.meanPainChange).toBeCloseTo(4.9 - 7, 9);
  });
});
