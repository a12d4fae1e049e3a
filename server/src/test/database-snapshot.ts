import type { Database } from '@ldn/db';

/**
 * What a database holds, for comparing a restored copy with its original: every table's row count
 * and a hash of its rows, the sequences' positions, and the objects outside the tables that the
 * product relies on (triggers, functions, policies, indexes, constraints) by name.
 */
export interface DatabaseSnapshot {
  tables: Record<string, { rows: number; hash: string }>;
  sequences: Record<string, string | null>;
  triggers: string[];
  functions: string[];
  policies: string[];
  indexes: string[];
  constraints: string[];
}

export function snapshotDatabase(db: Database): Promise<DatabaseSnapshot> {
  return db.withSession(async (session) => {
    const names = async (sql: string) => (await session.query<{ name: string }>(sql)).map((row) => row.name);
    const tables: DatabaseSnapshot['tables'] = {};
    for (const table of await names(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`,
    )) {
      // The table names come from the catalog, quoted by quote_ident's rules.
      const [row] = await session.query<{ rows: number; hash: string }>(
        `SELECT count(*)::int AS rows, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS hash
           FROM public."${table.replaceAll('"', '""')}" t`,
      );
      if (row !== undefined) tables[table] = row;
    }
    const sequences = Object.fromEntries(
      (
        await session.query<{ name: string; last: string | null }>(
          `SELECT sequencename AS name, last_value::text AS last FROM pg_sequences WHERE schemaname = 'public'`,
        )
      ).map((row) => [row.name, row.last]),
    );
    return {
      tables,
      sequences,
      triggers: await names(
        `SELECT c.relname || '.' || t.tgname AS name FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
          WHERE NOT t.tgisinternal ORDER BY 1`,
      ),
      functions: await names(
        `SELECT p.proname AS name FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace ORDER BY 1`,
      ),
      policies: await names(`SELECT tablename || '.' || policyname AS name FROM pg_policies ORDER BY 1`),
      indexes: await names(`SELECT indexname AS name FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1`),
      constraints: await names(
        `SELECT conrelid::regclass::text || '.' || conname AS name FROM pg_constraint
          WHERE connamespace = 'public'::regnamespace ORDER BY 1`,
      ),
    };
  });
}
