import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Prisma } from '../generated/client/client.ts';
import { seedDemo } from '../seed/demo.ts';
import { asOrganisation, type DataAccess } from './data-access.ts';
import type { Database } from './database.ts';
import { preparedMark, preparedNameOf } from './prepared-statements.ts';
import { createTestDatabase, testDatabaseTarget } from './testing.ts';

// Statements marked to be prepared (prepared-statements.ts) on a real server, one connection for
// every statement (a pool of 1), so what one organisation's execution left prepared is what the
// next one runs.
const target = await testDatabaseTarget();

const TRIAL_CLINICS = `${preparedMark('test-trial-clinics')}
  SELECT t."clinicId"::text AS "clinicId", count(*)::int AS trials FROM (SELECT * FROM "Trial") t GROUP BY t."clinicId"`;

describe.skipIf(target.kind !== 'postgres')('prepared statements on PostgreSQL', () => {
  let db: Database;
  let riverside: DataAccess;
  let northgate: DataAccess;

  beforeAll(async () => {
    db = await createTestDatabase({ maxConnections: 1 });
    await seedDemo(db.prisma);
    const byName = async (name: string): Promise<DataAccess> => {
      const organisation = await db.prisma.organisation.findFirstOrThrow({
        where: { name: { contains: name } },
      });
      return { organisationId: organisation.id, organisationKind: organisation.kind };
    };
    [riverside, northgate] = await Promise.all([byName('Riverside'), byName('Northgate')]);
  }, 60_000);
  afterAll(async () => {
    await db?.close();
  });

  // Awaited inside: a Prisma query runs when awaited, under the access current then.
  const clinicsSeen = async () =>
    await db.prisma.$queryRaw<{ clinicId: string; trials: number }[]>(Prisma.raw(TRIAL_CLINICS));
  const preparedNames = async () =>
    (await db.prisma.$queryRaw<{ name: string }[]>`SELECT name FROM pg_prepared_statements`).map(
      (row) => row.name,
    );

  it('prepares a marked statement once on the connection, and leaves others unprepared', async () => {
    await asOrganisation(riverside, clinicsSeen);
    await asOrganisation(riverside, clinicsSeen);
    await db.prisma.$queryRaw`SELECT 1`;
    expect(await preparedNames()).toContain(preparedNameOf(TRIAL_CLINICS));
    expect((await preparedNames()).filter((name) => name.startsWith('test-trial-clinics'))).toHaveLength(1);
  });

  it('gives each organisation only its own rows through the one prepared statement (row-level security)', async () => {
    const both = [riverside.organisationId, northgate.organisationId].sort();
    for (let round = 0; round < 3; round += 1) {
      for (const clinic of [riverside, northgate]) {
        const seen = await asOrganisation(clinic, clinicsSeen);
        expect(seen.map((row) => row.clinicId)).toEqual([clinic.organisationId]);
      }
      // The system (the tables' owner, whom the policies do not hold) between them sees both.
      expect((await clinicsSeen()).map((row) => row.clinicId).sort()).toEqual(both);
    }
  });

  it('keeps answering after a migration adds a column to a table it reads', async () => {
    await asOrganisation(riverside, clinicsSeen);
    await db.prisma.$executeRawUnsafe('ALTER TABLE "Trial" ADD COLUMN "addedLater" integer');
    const seen = await asOrganisation(riverside, clinicsSeen);
    expect(seen.map((row) => row.clinicId)).toEqual([riverside.organisationId]);
  });
});
