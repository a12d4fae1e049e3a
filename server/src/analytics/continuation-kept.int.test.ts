import { randomUUID } from 'node:crypto';
import { asOrganisation, type Database, type Prisma } from '@ldn/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbDate } from '../graphql/scalars.ts';
import { someTrials } from './analytics.builders.ts';
import { BREAKDOWN_HORIZON } from './continuation-breakdown.ts';
import {
  bothDatabases,
  type Clinic,
  keptRows,
  rebuiltRows,
  someClinics,
  sortedCounts,
  wholeNetwork,
} from './continuation-kept.builders.ts';
import { countsPath, factsReportCounts, keptDayCounts, keptReportCounts } from './continuation-kept.ts';
import { RandomWrites } from './continuation-kept.writes.ts';
import { perTrialDayCounts, perTrialReportCounts, type ReportCohort } from './continuation-queries.ts';

// The counts the database keeps as trials change (migration …_continuation_counts) against the
// per-trial statement they stand in for, after every write of a seeded random sequence, on the
// real server and on the embedded database: the numbers are clinical evidence, so equal, not close.

/** On or after every date the random writes make: every trial counts as kept. */
const LATER = '2028-01-01';
/** Some trials start, end, are assessed or have an adverse effect after it. */
const MIDWAY = '2026-04-15';

describe.each(await bothDatabases())('the kept continuation counts on $name', ({ name, open }) => {
  let db: Database;
  let clinics: Clinic[];
  let writes: RandomWrites;

  beforeAll(async () => {
    db = await open();
    ({ clinics } = await someClinics(db, 3));
    writes = new RandomWrites(db, clinics, 16);
  }, 60_000);
  afterAll(async () => {
    await db?.close();
  });

  /** One filter of each kind, and two together. */
  const filters = (): Partial<ReportCohort>[] => {
    const [clinic, other] = clinics;
    return [
      { conditions: ['CRPS'] },
      { clinicIds: [clinic?.access.organisationId ?? ''] },
      {
        prescriberIds: [
          ...(clinic?.prescriberIds.slice(0, 1) ?? []),
          ...(other?.prescriberIds.slice(0, 1) ?? []),
        ],
      },
      { startedFrom: '2026-01-01' },
      { startedTo: '2026-12-31' },
      { conditions: ['FIBROMYALGIA', 'CRPS'], startedFrom: '2026-02-01', startedTo: '2026-06-30' },
    ];
  };

  const bothWays = async (cohort: ReportCohort) => ({
    kept: sortedCounts(await keptReportCounts(db.prisma, cohort, BREAKDOWN_HORIZON)),
    perTrial: sortedCounts(await perTrialReportCounts(db.prisma, cohort, BREAKDOWN_HORIZON)),
  });

  it('count what the per-trial statement counts, after every write of a random sequence', async () => {
    const steps = name === 'PGlite' ? 60 : 150;
    for (let step = 0; step < steps; step += 1) {
      const write = await writes.step();
      for (const asOf of [LATER, MIDWAY]) {
        const { kept, perTrial } = await bothWays(wholeNetwork(asOf));
        expect({ step, write, asOf, ...kept }).toEqual({ step, write, asOf, ...perTrial });
      }
    }
    const { sizes, outcomes } = await perTrialReportCounts(db.prisma, wholeNetwork(LATER), BREAKDOWN_HORIZON);
    const network = sizes.find((size) => size.dimension === 'ALL');
    // The sequence made what the comparison needs: trials, repeat patients, ends, assessments.
    expect(network?.trials).toBeGreaterThan(15);
    expect(network?.patients).toBeLessThan(network?.trials ?? 0);
    expect(network?.discontinuedPatients).toBeGreaterThan(0);
    expect(outcomes.find((cell) => cell.dimension === 'ALL')?.assessedTrials).toBeGreaterThan(0);
  }, 600_000);

  it("give each breakdown group's whole follow-up as the per-trial statement does", async () => {
    for (const asOf of [LATER, MIDWAY]) {
      const { sizes } = await perTrialReportCounts(db.prisma, wholeNetwork(asOf), BREAKDOWN_HORIZON);
      for (const dimension of ['CONDITION', 'CLINIC', 'PRESCRIBER'] as const) {
        const keys = sizes.filter((size) => size.dimension === dimension).map((size) => size.key);
        expect(keys.length).toBeGreaterThan(1);
        const [kept, perTrial] = [
          await keptDayCounts(db.prisma, wholeNetwork(asOf), dimension, keys),
          await perTrialDayCounts(db.prisma, wholeNetwork(asOf), dimension, keys),
        ].map((rows) => sortedCounts({ days: rows, horizonDays: [], sizes: [], outcomes: [] }).days);
        expect(kept).toEqual(perTrial);
      }
    }
  });

  it('are what the backfill makes from the records', async () => {
    const kept = await keptRows(db);
    expect(kept.TrialFact?.length).toBeGreaterThan(15);
    expect(await rebuiltRows(db)).toEqual(kept);
  });

  it('give a filtered cohort, from the kept facts, what the per-trial statement gives', async () => {
    for (const asOf of [LATER, MIDWAY]) {
      for (const filter of filters()) {
        const cohort = { ...wholeNetwork(asOf), ...filter };
        const facts = sortedCounts(await factsReportCounts(db.prisma, cohort, BREAKDOWN_HORIZON));
        const perTrial = sortedCounts(await perTrialReportCounts(db.prisma, cohort, BREAKDOWN_HORIZON));
        expect({ asOf, filter, ...facts }).toEqual({ asOf, filter, ...perTrial });
        expect(facts.sizes.find((size) => size.dimension === 'ALL')?.trials).toBeGreaterThan(0);
      }
    }
  });

  it('are read as of a date with few trials dated after it (the counts for the whole network, the facts for a filter), else trial by trial', async () => {
    const after = '2027-12-31';
    expect(await countsPath(db.prisma, wholeNetwork(after))).toBe('KEPT');
    const [clinic] = clinics;
    for (const filter of filters()) {
      expect([filter, await countsPath(db.prisma, { ...wholeNetwork(after), ...filter })]).toEqual([
        filter,
        'FACTS',
      ]);
    }
    expect(await countsPath(db.prisma, { ...wholeNetwork('2025-12-01'), conditions: ['CRPS'] })).toBe(
      'PER_TRIAL',
    );
    // Before most trials started: more than one in ten would have to be put back one by one.
    expect(await countsPath(db.prisma, wholeNetwork('2025-12-01'))).toBe('PER_TRIAL');

    // A trial planned to start later makes the report date earlier than its facts: still kept.
    await someTrials(db.prisma, [
      {
        clinicId: clinic?.access.organisationId ?? '',
        prescriberId: clinic?.prescriberIds[0] ?? '',
        startDate: '2028-03-01',
      },
    ]);
    expect(await countsPath(db.prisma, wholeNetwork(after))).toBe('KEPT');
    const { kept, perTrial } = await bothWays(wholeNetwork(after));
    expect(kept).toEqual(perTrial);
  });

  it('let two transactions that change one trial at once end in a conflict, not a deadlock', async () => {
    const [clinic] = clinics as [Clinic];
    const [trialId = ''] = await someTrials(db.prisma, [
      {
        clinicId: clinic.access.organisationId,
        prescriberId: clinic.prescriberIds[0] ?? '',
        startDate: '2026-05-01',
      },
    ]);
    const { version } = await db.prisma.trial.findUniqueOrThrow({ where: { id: trialId } });
    const endAt = (endedOn: string) => (tx: Prisma.TransactionClient) =>
      tx.trial.updateMany({
        where: { id: trialId, version },
        data: { endedOn: dbDate(endedOn), discontinuationReason: 'INEFFECTIVE', version: { increment: 1 } },
      });
    let saved = () => {};
    const assessmentSaved = new Promise<void>((resolve) => {
      saved = resolve;
    });
    // An assessment, then the trial it ends (as recording an assessment does), while another
    // transaction ends the same trial in between.
    const assessing = (async () =>
      await db.prisma.$transaction(
        async (tx) => {
          await tx.assessment.create({
            data: {
              trialId,
              assessedOn: dbDate('2026-06-26'),
              baselineScore: 7,
              meanScore: 6.5,
              relativeReduction: 0,
              responseClass: 'NONE',
              decision: 'DISCONTINUE',
              assessedById: clinic.prescriberIds[0] ?? '',
            },
          });
          saved();
          await new Promise((resolve) => setTimeout(resolve, 300));
          return (await endAt('2026-06-26')(tx)).count;
        },
        { maxWait: 30_000, timeout: 30_000 },
      ))();
    await assessmentSaved;
    const ending = (async () =>
      await db.prisma.$transaction(async (tx) => (await endAt('2026-06-27')(tx)).count, {
        maxWait: 30_000,
        timeout: 30_000,
      }))();
    expect(await Promise.all([assessing, ending])).toEqual([1, 0]);
    expect(await rebuiltRows(db)).toEqual(await keptRows(db));
  });

  it('take 20 concurrent transactions, each starting one trial and ending another, without a deadlock', async () => {
    // A small pool of trials going on, ended by the transactions (some by two at once).
    const pool = await someTrials(
      db.prisma,
      Array.from({ length: 12 }, (_, n) => {
        const clinic = clinics[n % clinics.length] as Clinic;
        const prescriberId = clinic.prescriberIds[0] ?? '';
        return { clinicId: clinic.access.organisationId, prescriberId, startDate: '2026-05-01' };
      }),
    );
    const pause = () => new Promise((resolve) => setTimeout(resolve, 5));
    const startAndEnd = (n: number) => {
      const clinic = clinics[n % clinics.length] as Clinic;
      const ending = pool[(n % clinics.length) + clinics.length * (n % 4)] ?? '';
      return asOrganisation(
        clinic.access,
        async () =>
          await db.prisma.$transaction(
            async (tx) => {
              const start = async () => {
                const patient = await tx.patient.create({
                  data: {
                    clinicId: clinic.access.organisationId,
                    mrn: `C-${randomUUID().slice(0, 8)}`,
                    givenName: 'Concurrent',
                    familyName: 'Start',
                    dateOfBirth: dbDate('1970-01-01'),
                  },
                });
                await tx.trial.create({
                  data: {
                    patientId: patient.id,
                    clinicId: clinic.access.organisationId,
                    prescriberId: clinic.prescriberIds[n % 2] ?? '',
                    condition: 'FIBROMYALGIA',
                    state: 'TITRATING',
                    startDate: dbDate('2026-06-01'),
                    startDoseMg: 1.5,
                    baselineScore: 7,
                    baselineScoredOn: dbDate('2026-06-01'),
                    policy: {},
                  },
                });
              };
              const end = () =>
                tx.trial.updateMany({
                  where: { id: ending, endedOn: null },
                  data: { endedOn: dbDate('2026-07-01'), discontinuationReason: 'PATIENT_CHOICE' },
                });
              for (const write of n % 2 === 0 ? [start, end] : [end, start]) {
                await write();
                await pause();
              }
            },
            { maxWait: 30_000, timeout: 30_000 },
          ),
      );
    };
    const before = await db.prisma.trial.count();
    const outcomes = await Promise.allSettled(Array.from({ length: 20 }, (_, n) => startAndEnd(n)));
    expect(outcomes.filter((outcome) => outcome.status === 'rejected')).toEqual([]);
    expect(await db.prisma.trial.count()).toBe(before + 20);
    expect(await db.prisma.trial.count({ where: { id: { in: pool }, endedOn: null } })).toBe(0);
    const kept = await keptRows(db);
    expect(await rebuiltRows(db)).toEqual(kept);
    const { kept: counts, perTrial } = await bothWays(wholeNetwork(LATER));
    expect(counts).toEqual(perTrial);
  }, 120_000);
});
