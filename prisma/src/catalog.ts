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
