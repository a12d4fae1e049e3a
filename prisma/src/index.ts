export * from '../generated/client/client.ts';
export type { ChannelListener, Database, NotificationHandlers, SqlSession } from './database.ts';
export { medicationDrugColumns, priorTherapyDrugColumns } from './drug-rows.ts';
export { isStatementCancelled } from './errors.ts';
export { applyMigrations, MigrationError, pendingMigrations, readMigrations } from './migrate.ts';
export { type SignedPatient, signedOrderContent, signedOrderContentHash } from './order-signature.ts';
export { openPglite } from './pglite.ts';
export { openPostgres } from './postgres.ts';
export { nextRxNumber } from './rx-numbers.ts';
