export * from '../generated/client/client.ts';
export type { Database, SqlSession } from './database.ts';
export { medicationDrugColumns, priorTherapyDrugColumns } from './drug-rows.ts';
export { applyMigrations, MigrationError, pendingMigrations, readMigrations } from './migrate.ts';
export { openPglite } from './pglite.ts';
export { openPostgres } from './postgres.ts';
