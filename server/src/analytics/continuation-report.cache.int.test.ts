import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Api, apiAs } from '../patients/patient.builders.ts';
import { aNetwork, signIn } from '../test/builders.ts';
import { fixedClock, startTestServer, type TestServer } from '../test/harness.ts';
import { someTrials, type TrialSpec, times } from './analytics.builders.ts';

// The report's figures are computed once per version of the kept counts (counts-version-cache.ts):
// identical reports share them, any write the report counts gives new ones, and the names of the
// clinics and prescribers, which that version does not follow, are read for every report.

const REPORT = `query { continuationReport(filter: {}) {
  computedAt trialCount discontinuedCount censoredCount rateAt90 { rate lower upper atRisk }
  byClinic { key label trialCount } byPrescriber { key label } } }`;

interface Report {
  continuationReport: {
    computedAt: string;
    trialCount: number;
    discontinuedCount: number;
    byClinic: { key: string; label: string; trialCount: number }[];
    byPrescriber: { key: string; label: string }[];
  };
}

describe('the continuation report at one counts version', () => {
  let server: TestServer;
  let world: Awaited<ReturnType<typeof aNetwork>>;
  let admin: Api;
  const report = async () => (await admin<Report>(REPORT)).continuationReport;
  const inClinicA = (spec: Omit<TrialSpec, 'clinicId' | 'prescriberId'>): TrialSpec => ({
    clinicId: world.clinic.id,
    prescriberId: world.clinician.id,
    condition: 'FIBROMYALGIA',
    ...spec,
  });
  /** Statements that read the kept day counts: one per computation of the figures. */
  const countingStatements = async (work: () => Promise<unknown>) => {
    let reads = 0;
    const stop = server.db.onStatement((sql) => {
      if (sql.includes('"ContinuationEndedCount"')) reads += 1;
    });
    try {
      await work();
    } finally {
      stop();
    }
    return reads;
  };

  beforeAll(async () => {
    server = await startTestServer({ clock: fixedClock('2026-06-30T12:00:00Z') });
    world = await aNetwork(server.db.prisma);
    await someTrials(server.db.prisma, [
      ...times(6, inClinicA({ startDate: '2026-01-01', endedOn: '2026-02-15', reason: 'INEFFECTIVE' })),
      ...times(12, inClinicA({ startDate: '2026-01-15' })),
    ]);
    admin = apiAs(server, await signIn(server, world.admin));
  });
  afterAll(async () => {
    await server?.close();
  });

  it('computes eight identical concurrent reports once, each answered in full', async () => {
    await report(); // the first computation, outside the count
    await someTrials(server.db.prisma, [inClinicA({ startDate: '2026-03-01' })]);
    let answers: Report['continuationReport'][] = [];
    const reads = await countingStatements(async () => {
      answers = await Promise.all(Array.from({ length: 8 }, () => report()));
    });
    expect(reads).toBe(1);
    expect(new Set(answers.map((answer) => JSON.stringify({ ...answer, computedAt: null }))).size).toBe(1);
    expect(answers[0]?.trialCount).toBe(19);
  });

  it('reads the counts again once a write moves their version on, and shows the write', async () => {
    const before = await report();
    const repeated = await countingStatements(() => report());
    await someTrials(server.db.prisma, [
      inClinicA({ startDate: '2026-02-01', endedOn: '2026-04-01', reason: 'ADVERSE_EFFECTS' }),
    ]);
    let after: Report['continuationReport'] | undefined;
    const afterWrite = await countingStatements(async () => {
      after = await report();
    });
    expect([repeated, afterWrite]).toEqual([0, 1]);
    expect(after?.trialCount).toBe(before.trialCount + 1);
    expect(after?.discontinuedCount).toBe(before.discontinuedCount + 1);
  });

  it('names the clinics and prescribers as they are now, though the counts have not moved', async () => {
    await report();
    await server.db.prisma.organisation.update({
      where: { id: world.clinic.id },
      data: { name: 'Clinic A (renamed)' },
    });
    const renamed = await report();
    expect(renamed.byClinic.find((group) => group.key === world.clinic.id)?.label).toBe('Clinic A (renamed)');
  });
});
