import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../seed/demo.ts';
import { asOrganisation, type DataAccess, grantDataAccess, withDataAccessSlot } from './data-access.ts';
import type { Database } from './database.ts';
import { applyMigrations } from './migrate.ts';
import { openPglite } from './pglite.ts';
import { createTestDatabase, testDatabaseTarget } from './testing.ts';

// The database's own door (issue #17): whatever the application sends under an organisation, even a
// query with no filter at all, reaches only that organisation's rows. Run on the real server and on
// the embedded database, which the application uses the same way.
const target = await testDatabaseTarget();

/** Tables that name an organisation or a record but hold no patient data, so no policy: why. */
const NOT_PATIENT_DATA: Record<string, string> = {
  ClinicPharmacy: 'which pharmacies a clinic may use: read by both sides and by administration',
  PharmacyRxCounter: "a pharmacy's next Rx number, which a clinic's submission takes",
  IdempotencyKey: "a signed-in person's replay record of one submission, read only with their own key",
};
const databases: { name: string; open: () => Promise<Database> }[] = [
  {
    name: 'embedded PostgreSQL (PGlite)',
    open: async () => {
      const db = await openPglite();
      await applyMigrations(db);
      return db;
    },
  },
];
if (target.kind === 'postgres') databases.unshift({ name: 'PostgreSQL', open: () => createTestDatabase() });

describe.each(databases)('row-level security on $name', ({ open }) => {
  let db: Database;
  let riverside: DataAccess;
  let northgate: DataAccess;
  let careRx: DataAccess;
  let apex: DataAccess;
  let network: DataAccess;

  beforeAll(async () => {
    db = await open();
    await seedDemo(db.prisma);
    const byName = async (name: string) => {
      const organisation = await db.prisma.organisation.findFirstOrThrow({
        where: { name: { contains: name } },
      });
      return { organisationId: organisation.id, organisationKind: organisation.kind };
    };
    [riverside, northgate, careRx, apex, network] = await Promise.all([
      byName('Riverside'),
      byName('Northgate'),
      byName('CareRx'),
      byName('Apex'),
      byName('Network'),
    ]);
  }, 60_000);
  afterAll(async () => {
    await db?.close();
  });

  it('gives a clinic only its own patients, trials and records from queries with no filter at all', async () => {
    const all = await db.prisma.patient.count();
    const own = await db.prisma.patient.count({ where: { clinicId: riverside.organisationId } });
    expect(own).toBeGreaterThan(0);
    expect(own).toBeLessThan(all);

    await asOrganisation(riverside, async () => {
      const patients = await db.prisma.patient.findMany();
      expect(patients).toHaveLength(own);
      expect(patients.every((patient) => patient.clinicId === riverside.organisationId)).toBe(true);
      const raw = await db.prisma.$queryRaw<{ clinicId: string }[]>`SELECT "clinicId"::text FROM "Patient"`;
      expect(raw.map((row) => row.clinicId)).toEqual(patients.map(() => riverside.organisationId));
      const trials = await db.prisma.trial.findMany({ select: { clinicId: true } });
      expect(trials.length).toBeGreaterThan(0);
      expect(trials.every((trial) => trial.clinicId === riverside.organisationId)).toBe(true);
      const scores = await db.prisma.symptomScore.findMany({
        select: { patient: { select: { clinicId: true } } },
      });
      expect(scores.length).toBeGreaterThan(0);
      expect(scores.every((score) => score.patient.clinicId === riverside.organisationId)).toBe(true);
      const lines = await db.prisma.orderLine.findMany({ select: { order: { select: { clinicId: true } } } });
      expect(lines.every((line) => line.order.clinicId === riverside.organisationId)).toBe(true);
    });
  });

  it('holds inside a transaction too, and ends with the statement: the system sees everything again', async () => {
    const all = await db.prisma.patient.count();
    const inside = await asOrganisation(northgate, () =>
      db.prisma.$transaction(async (tx) => {
        const [row] = await tx.$queryRaw<{ role: string }[]>`SELECT current_user AS role`;
        return { role: row?.role, patients: await tx.patient.count() };
      }),
    );
    expect(inside.role).toBe('ldn_app');
    expect(inside.patients).toBe(
      await db.prisma.patient.count({ where: { clinicId: northgate.organisationId } }),
    );
    const [outside] = await db.prisma.$queryRaw<{ role: string }[]>`SELECT current_user AS role`;
    expect(outside?.role).toEqual(expect.any(String));
    expect(outside?.role).not.toBe('ldn_app');
    expect(await db.prisma.patient.count()).toBe(all);
  });

  it("refuses a write into another clinic's rows, changing nothing", async () => {
    const theirs = await db.prisma.patient.findFirstOrThrow({
      where: { clinicId: northgate.organisationId },
    });
    const theirTrial = await db.prisma.trial.findFirstOrThrow({
      where: { clinicId: northgate.organisationId },
    });
    await asOrganisation(riverside, async () => {
      // Invisible rows: an update or delete finds nothing to change.
      expect(
        await db.prisma
          .$executeRaw`UPDATE "Patient" SET "givenName" = 'Changed' WHERE id = ${theirs.id}::uuid`,
      ).toBe(0);
      await expect(
        db.prisma.patient.update({ where: { id: theirs.id }, data: { givenName: 'Changed' } }),
      ).rejects.toThrow();
      expect(await db.prisma.$executeRaw`DELETE FROM "Consent" WHERE "patientId" = ${theirs.id}::uuid`).toBe(
        0,
      );
      // A new row under another clinic, or under another clinic's trial, is refused.
      await expect(
        db.prisma.patient.create({
          data: {
            clinicId: northgate.organisationId,
            mrn: 'RLS-1',
            givenName: 'Placed',
            familyName: 'Elsewhere',
            dateOfBirth: new Date('1970-01-01'),
          },
        }),
      ).rejects.toThrow();
      await expect(
        db.prisma.trialWarning.create({
          data: { trialId: theirTrial.id, action: 'TEST', code: 'RLS', message: 'not ours', evidence: [] },
        }),
      ).rejects.toThrow();
    });
    const after = await db.prisma.patient.findUniqueOrThrow({ where: { id: theirs.id } });
    expect(after.givenName).toBe(theirs.givenName);
    expect(await db.prisma.patient.count({ where: { mrn: 'RLS-1' } })).toBe(0);
  });

  it('holds each of many concurrent requests to its own organisation, more than the pool has connections', async () => {
    const own = async (access: DataAccess) =>
      asOrganisation(access, async () => {
        const patients = await db.prisma.patient.findMany({ select: { clinicId: true } });
        return patients.length > 0 && patients.every((patient) => patient.clinicId === access.organisationId);
      });
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, n) => own(n % 2 === 0 ? riverside : northgate)),
    );
    expect(answers).toEqual(answers.map(() => true));
  });

  it("never merges one organisation's lookups into another's statement", async () => {
    const theirs = await db.prisma.patient.findFirstOrThrow({
      where: { clinicId: northgate.organisationId },
    });
    // Prisma's queries start when awaited: each is awaited under its own access.
    const lookUp = async () =>
      await db.prisma.patient.findUnique({ where: { id: theirs.id }, select: { id: true } });
    // Made in one tick, which is when Prisma merges lookups of one shape into one statement.
    const [asRiverside, asNorthgate, asSystem] = await Promise.all([
      asOrganisation(riverside, lookUp),
      asOrganisation(northgate, lookUp),
      lookUp(),
    ]);
    expect(asRiverside).toBeNull();
    expect(asNorthgate?.id).toBe(theirs.id);
    expect(asSystem?.id).toBe(theirs.id);
  });

  it('runs a transaction under the access it was opened with, on both databases alike', async () => {
    const all = await db.prisma.patient.count();
    const counts = await withDataAccessSlot(() =>
      db.prisma.$transaction(async (tx) => {
        const before = await tx.patient.count();
        grantDataAccess(riverside);
        return { before, after: await tx.patient.count() };
      }),
    );
    expect(counts).toEqual({ before: all, after: all });
    const own = await db.prisma.patient.count({ where: { clinicId: riverside.organisationId } });
    expect(await asOrganisation(riverside, () => db.prisma.$transaction((tx) => tx.patient.count()))).toBe(
      own,
    );
  });

  it("copies a record's clinic from its root, whatever the insert says", async () => {
    const consent = await db.prisma.consent.findFirstOrThrow({
      where: { patient: { clinicId: riverside.organisationId } },
    });
    const { id: _id, clinicId: _clinicId, ...fields } = consent;
    const copy = await db.prisma.consent.create({ data: { ...fields, clinicId: northgate.organisationId } });
    expect(copy.clinicId).toBe(riverside.organisationId);
    await expect(
      db.prisma.consent.update({ where: { id: copy.id }, data: { clinicId: northgate.organisationId } }),
    ).resolves.toMatchObject({ clinicId: riverside.organisationId });
    const scores = await db.prisma.symptomScore.groupBy({ by: ['clinicId'], _count: true });
    expect(scores.every((group) => group.clinicId !== null)).toBe(true);
  });

  it('gives a pharmacy the orders sent to it, never a draft, and only the patients of those orders', async () => {
    const sent = await db.prisma.order.findMany({
      where: { pharmacyId: careRx.organisationId, state: { not: 'DRAFT' } },
      select: { id: true, patientId: true },
    });
    expect(sent.length).toBeGreaterThan(0);
    expect(
      await db.prisma.order.count({ where: { pharmacyId: careRx.organisationId, state: 'DRAFT' } }),
    ).toBeGreaterThan(0);
    await asOrganisation(careRx, async () => {
      const orders = await db.prisma.order.findMany({ select: { id: true } });
      expect(orders.map((order) => order.id).sort()).toEqual(sent.map((order) => order.id).sort());
      const patients = await db.prisma.patient.findMany({ select: { id: true } });
      expect(patients.map((patient) => patient.id).sort()).toEqual(
        [...new Set(sent.map((order) => order.patientId))].sort(),
      );
      expect(await db.prisma.orderLine.count()).toBeGreaterThan(0);
      // Never a clinical record, even of its orders' patients (workflows.md).
      expect(await db.prisma.symptomScore.count()).toBe(0);
      expect(await db.prisma.medication.count()).toBe(0);
      expect(await db.prisma.doseChange.count()).toBe(0);
    });
  });

  it('finds by name, for a pharmacy, only the patients its own orders reach, whatever words it sends', async () => {
    const sent = await db.prisma.order.findMany({
      where: { state: { not: 'DRAFT' } },
      select: { pharmacyId: true, patient: { select: { id: true, givenName: true, familyName: true } } },
    });
    const reachedBy = (access: DataAccess) =>
      new Set(sent.filter((o) => o.pharmacyId === access.organisationId).map((o) => o.patient.id));
    const reachedByCareRx = reachedBy(careRx);
    const apexOnly = sent.find(
      (o) => o.pharmacyId === apex.organisationId && !reachedByCareRx.has(o.patient.id),
    );
    if (apexOnly === undefined) throw new Error('the demo has no patient of Apex alone');
    const { id, givenName, familyName } = apexOnly.patient;
    // The function is called straight, as the application's role, the way a forged query would.
    const named = (access: DataAccess, words: string[]) =>
      asOrganisation(access, async () =>
        (
          await db.prisma.$queryRaw<{ id: string }[]>`
            SELECT n.id::text FROM "ldn_pharmacy_patients_named"(${words}::text[]) AS n(id)`
        ).map((row) => row.id),
      );

    expect(await named(apex, [givenName.toUpperCase(), familyName.toLowerCase()])).toContain(id);
    expect(await named(careRx, [givenName, familyName])).toEqual([]);
    // A word matching every name gives a pharmacy exactly the patients its orders reach.
    expect((await named(careRx, [''])).sort()).toEqual([...reachedByCareRx].sort());
    for (const wildcard of ['%', '_']) expect(await named(careRx, [wildcard])).toEqual([]);
    // A clinic (even the patient's own) and the network search their patients through the policies.
    const clinic = await db.prisma.patient.findUniqueOrThrow({ where: { id }, select: { clinicId: true } });
    const ownClinic = clinic.clinicId === riverside.organisationId ? riverside : northgate;
    expect(ownClinic.organisationId).toBe(clinic.clinicId);
    for (const access of [ownClinic, network])
      expect(await named(access, [givenName, familyName])).toEqual([]);

    const [grants] = await db.withSession((session) =>
      session.query<{ app: boolean; everyone: boolean; definer: boolean }>(`
        SELECT has_function_privilege('ldn_app', p.oid, 'EXECUTE') AS app,
               COALESCE(array_to_string(p.proacl, ',') ~ '(^|,)=X', true) AS everyone,
               p.prosecdef AS definer
          FROM pg_proc p WHERE p.proname = 'ldn_pharmacy_patients_named'`),
    );
    expect(grants).toEqual({ app: true, everyone: false, definer: true });
  });

  it("takes an organisation's kind from the organisation, not from a setting a session could claim", async () => {
    const claimed = await asOrganisation(riverside, () =>
      db.prisma.$transaction(async (tx) => {
        await tx.$executeRaw`SELECT set_config('ldn.organisation_kind', 'NETWORK', true)`;
        return tx.patient.count({ where: { clinicId: northgate.organisationId } });
      }),
    );
    expect(claimed).toBe(0);
  });

  it('gives the network every clinic, for its reports', async () => {
    const all = await db.prisma.trial.count();
    expect(await asOrganisation(network, () => db.prisma.trial.count())).toBe(all);
  });

  it('holds every table that belongs to an organisation, and grants the application every table', async () => {
    const tables = await db.withSession((session) =>
      session.query<{ name: string; secured: boolean; granted: boolean; owned: boolean }>(`
        SELECT c.relname AS name, c.relrowsecurity AS secured,
               has_table_privilege('ldn_app', c.oid, 'SELECT') AS granted,
               EXISTS (SELECT 1 FROM information_schema.columns k
                        WHERE k.table_schema = 'public' AND k.table_name = c.relname
                          AND k.column_name IN ('clinicId', 'pharmacyId', 'patientId', 'trialId', 'orderId', 'linkId')) AS owned
          FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname <> '_prisma_migrations'`),
    );
    expect(tables.filter((table) => !table.granted).map((table) => table.name)).toEqual([]);
    expect(
      tables
        .filter((table) => table.owned && !table.secured && !(table.name in NOT_PATIENT_DATA))
        .map((table) => table.name),
    ).toEqual([]);
  });

  it('keeps the audit log append-only for the application', async () => {
    await asOrganisation(riverside, async () => {
      await expect(db.prisma.$executeRaw`DELETE FROM "AuditLog"`).rejects.toThrow();
    });
  });
});
