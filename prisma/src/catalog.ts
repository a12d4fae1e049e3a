import type { SqlSession } from './database.ts';

/**
 * A comparable description of the public schema: enums, columns, constraints and indexes.
 * Two databases with equal catalogs have the same structure, however they were built.
 * Functions and triggers are left out on purpose: Prisma's schema cannot state them, so a database
 * built from schema.prisma alone never has them (the audit log's append-only trigger comes from a
 * hand-written migration and is tested by server/src/audit/audit-append-only.int.test.ts).
 */
export async function describeSchema(session: SqlSession): Promise<string[]> {
  const rows = await session.query<{ line: string }>(`
    SELECT 'enum ' || t.typname || ' ' || string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) AS line
      FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
      JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = 'public'
      GROUP BY t.typname
    UNION ALL
    SELECT 'column ' || table_name || '.' || column_name || ' ' || udt_name || ' ' || is_nullable
           || ' ' || coalesce(column_default, '') || ' ' || coalesce(character_maximum_length::text, '')
           || ' ' || coalesce(numeric_precision::text, '') || ',' || coalesce(numeric_scale::text, '')
      FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
    UNION ALL
    SELECT 'constraint ' || c.conrelid::regclass::text || ' ' || c.conname || ' ' || pg_get_constraintdef(c.oid)
      FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
      JOIN pg_class r ON r.oid = c.conrelid
      WHERE n.nspname = 'public' AND r.relname <> '_prisma_migrations'
    UNION ALL
    SELECT 'index ' || indexdef FROM pg_indexes
      WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'
  `);
  return rows.map((row) => row.line).sort();
}

/**
 * Structures the migrations create that schema.prisma cannot state, each with why. The drift check
 * (migrate.int.test.ts) expects each of them in the migrated database, exactly as written here,
 * and compares everything else: so the list can neither hide a drift nor go stale.
 */
export const MIGRATION_ONLY_STRUCTURES: readonly { line: string; why: string }[] = [
  {
    line: 'index CREATE UNIQUE INDEX "SymptomScore_counted_key" ON public."SymptomScore" USING btree ("patientId", measure, "scoredOn", source) WHERE ("enteredInErrorAt" IS NULL)',
    why: 'One counted score per patient, measure, day and source (a clinic entry and a patient report are both kept); a score entered in error frees its place. A partial index: Prisma 7.10 states it only behind a preview feature that the offline diff (Prisma 6) cannot read.',
  },
  {
    line: 'index CREATE UNIQUE INDEX "PatientLink_live_key" ON public."PatientLink" USING btree ("trialId") WHERE ("revokedAt" IS NULL)',
    why: 'One live patient link per trial: issuing another revokes it. Partial, as above.',
  },
  {
    line: 'index CREATE UNIQUE INDEX "PatientReport_current_key" ON public."PatientReport" USING btree ("trialId", evening) WHERE ("replacedAt" IS NULL)',
    why: 'One current patient report per trial and evening: an edit replaces it. Partial, as above.',
  },
  {
    line: 'index CREATE INDEX "Order_queue_open_idx" ON public."Order" USING btree ("pharmacyId", (\nCASE\n    WHEN ("needBy" IS NULL) THEN \'infinity\'::date\n    ELSE "needBy"\nEND), (\nCASE\n    WHEN ("rxNumber" IS NULL) THEN 2147483647\n    ELSE "rxNumber"\nEND), id) WHERE (state = ANY (ARRAY[\'SUBMITTED\'::"OrderState", \'RECEIVED\'::"OrderState", \'COMPOUNDING\'::"OrderState", \'READY\'::"OrderState", \'ON_HOLD\'::"OrderState"]))',
    why: "The pharmacy queue's open work by need-by date, then Rx number, missing ones last (server/src/orders/pharmacy-queue.ts): partial, as row-level security keeps a condition on the state out of an index scan, and on expressions; schema.prisma can state neither.",
  },
  {
    line: 'index CREATE INDEX "Order_queue_newest_idx" ON public."Order" USING btree ("pharmacyId", "updatedAt" DESC, id DESC) WHERE (state <> \'DRAFT\'::"OrderState")',
    why: "The pharmacy queue's orders sent, newest first. Partial, as above.",
  },
  {
    line: 'index CREATE INDEX "Order_queue_states_idx" ON public."Order" USING btree ("pharmacyId", state, "clinicId") WHERE (state <> \'DRAFT\'::"OrderState")',
    why: "The pharmacy queue's counts per state, read from the index alone. Partial, as above.",
  },
  {
    line: 'index CREATE INDEX "Order_clinic_drafts_idx" ON public."Order" USING btree ("clinicId") WHERE (state = \'DRAFT\'::"OrderState")',
    why: "The clinic's draft orders, for the worklist (server/src/trials/worklist-data.ts). Partial, as above.",
  },
];
