import { asOrganisation, type DataAccess, type Database, Prisma } from '@ldn/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbDate } from '../graphql/scalars.ts';
import { bothDatabases, KEPT_TABLES, someClinics } from './continuation-kept.builders.ts';
import { RandomWrites } from './continuation-kept.writes.ts';

// The kept continuation counts name clinics, prescribers and patients: only the network reads
// them, and nobody writes them but the database's own triggers — not even the network.

const TABLES = [...KEPT_TABLES, 'ContinuationCountsVersion'] as const;
const table = (name: string) => Prisma.raw(`"${name}"`);

describe.each(await bothDatabases())('who reaches the kept continuation counts on $name', ({ open }) => {
  let db: Database;
  let cast: Awaited<ReturnType<typeof someClinics>>;

  beforeAll(async () => {
    db = await open();
    cast = await someClinics(db, 2);
    const writes = new RandomWrites(db, cast.clinics, 7);
    for (let n = 0; n < 12; n += 1) await writes.start();
    const [clinic] = cast.clinics;
    await asOrganisation(clinic?.access as DataAccess, async () => {
      await db.prisma.trial.updateMany({
        data: { endedOn: dbDate('2026-06-01'), discontinuationReason: 'OTHER' },
      });
    });
  }, 60_000);
  afterAll(async () => {
    await db?.close();
  });

  const rowsOf = (name: string) =>
    db.prisma.$queryRaw<{ rows: number }[]>`SELECT count(*)::int AS rows FROM ${table(name)}`.then(
      ([count]) => count?.rows,
    );

  it("keeps a clinic's writes counted, and gives the network every row", async () => {
    for (const name of TABLES) {
      const all = await rowsOf(name);
      expect([name, all]).toEqual([name, expect.any(Number)]);
      expect([name, all]).not.toEqual([name, 0]);
      expect([name, await asOrganisation(cast.network, () => rowsOf(name))]).toEqual([name, all]);
    }
  });

  it.each(['a clinic', 'a pharmacy'])('shows %s none of their rows', async (who) => {
    const access: DataAccess = who === 'a clinic' ? (cast.clinics[0]?.access as DataAccess) : cast.pharmacy;
    for (const name of TABLES) {
      expect([name, await asOrganisation(access, () => rowsOf(name))]).toEqual([name, 0]);
    }
  });

  it.each(['a clinic', 'the network'])(
    'refuses %s any write to them, and the recount functions',
    async (who) => {
      const access: DataAccess = who === 'a clinic' ? (cast.clinics[0]?.access as DataAccess) : cast.network;
      const writes = [
        Prisma.sql`UPDATE "ContinuationGroupCount" SET trials = trials + 1`,
        Prisma.sql`DELETE FROM "TrialFact"`,
        Prisma.sql`INSERT INTO "ContinuationPatientCount" ("patientId", trials) VALUES (gen_random_uuid(), 1)`,
        Prisma.sql`UPDATE "ContinuationCountsVersion" SET version = 0`,
        Prisma.sql`SELECT "ldn_rebuild_continuation_counts"()`,
        Prisma.sql`SELECT "ldn_recount_trials"(ARRAY[]::uuid[])`,
      ];
      for (const write of writes) {
        await expect(asOrganisation(access, async () => await db.prisma.$executeRaw(write))).rejects.toThrow(
          /permission denied/,
        );
      }
    },
  );
});
