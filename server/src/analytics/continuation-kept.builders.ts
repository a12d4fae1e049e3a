import { applyMigrations, type DataAccess, type Database, openPglite } from '@ldn/db';
import { createTestDatabase, testDatabaseTarget } from '@ldn/db/testing';
import { anOrganisation, aPerson } from '../test/builders.ts';
import type { ReportCohort, ReportCounts } from './continuation-queries.ts';

// Test builders of the kept continuation counts: the two databases the triggers must work on, a
// network of clinics, and the comparisons (kept against per-trial, kept against rebuilt).

/** The real server (when the tests have one) and the embedded database: the triggers run on both. */
export async function bothDatabases(): Promise<{ name: string; open: () => Promise<Database> }[]> {
  const pglite = {
    name: 'PGlite',
    open: async () => {
      const db = await openPglite();
      await applyMigrations(db);
      return db;
    },
  };
  const target = await testDatabaseTarget();
  return target.kind === 'postgres'
    ? [{ name: 'PostgreSQL', open: () => createTestDatabase() }, pglite]
    : [pglite];
}

export interface Clinic {
  access: DataAccess;
  prescriberIds: string[];
}

/** `count` clinics of two prescribers each, a pharmacy and the network organisation. */
export async function someClinics(db: Database, count: number) {
  const clinics: Clinic[] = [];
  for (let n = 0; n < count; n += 1) {
    const clinic = await anOrganisation(db.prisma, 'CLINIC');
    const prescribers = [
      await aPerson(db.prisma, clinic.id, 'CLINICIAN'),
      await aPerson(db.prisma, clinic.id, 'CLINICIAN'),
    ];
    clinics.push({
      access: { organisationId: clinic.id, organisationKind: 'CLINIC' },
      prescriberIds: prescribers.map((person) => person.id),
    });
  }
  const pharmacy = await anOrganisation(db.prisma, 'PHARMACY');
  const network = await anOrganisation(db.prisma, 'NETWORK');
  const accessOf = (id: string, organisationKind: DataAccess['organisationKind']): DataAccess => ({
    organisationId: id,
    organisationKind,
  });
  return { clinics, pharmacy: accessOf(pharmacy.id, 'PHARMACY'), network: accessOf(network.id, 'NETWORK') };
}

/** The whole network as of `asOf`. */
export const wholeNetwork = (asOf: string): ReportCohort => ({
  asOf,
  startedFrom: null,
  startedTo: null,
  conditions: [],
  clinicIds: [],
  prescriberIds: [],
});

const byText = <T>(rows: readonly T[]) =>
  [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

/** A report's counts in one order, to compare two ways of counting. */
export const sortedCounts = (counts: ReportCounts) => ({
  days: byText(counts.days),
  horizonDays: byText(counts.horizonDays),
  sizes: byText(counts.sizes),
  outcomes: byText(counts.outcomes),
});

export const KEPT_TABLES = [
  'TrialFact',
  'ContinuationEndedCount',
  'ContinuationActiveCount',
  'ContinuationGroupCount',
  'ContinuationPatientCount',
] as const;

/** Every row of the kept tables, as text in one order (as the system sees them). */
export async function keptRows(db: Database): Promise<Record<string, string[]>> {
  const rows: Record<string, string[]> = {};
  for (const table of KEPT_TABLES) {
    const found = await db.withSession((session) =>
      session.query<{ row: string }>(`SELECT t::text AS row FROM "${table}" t ORDER BY 1`),
    );
    rows[table] = found.map((row) => row.row);
  }
  return rows;
}

/** The kept tables as the migration's backfill would make them from the records now. */
export async function rebuiltRows(db: Database): Promise<Record<string, string[]>> {
  await db.withSession((session) => session.exec('SELECT "ldn_rebuild_continuation_counts"()'));
  return keptRows(db);
}
