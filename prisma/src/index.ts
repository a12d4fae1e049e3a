export * from '../generated/client/client.ts';
export {
  asOrganisation,
  currentDataAccess,
  type DataAccess,
  grantDataAccess,
  withDataAccessSlot,
} from './data-access.ts';
export type { ChannelListener, Database, NotificationHandlers, PoolStats, SqlSession } from './database.ts';
export { medicationDrugColumns, priorTherapyDrugColumns } from './drug-rows.ts';
export { isStatementCancelled, isUniqueViolation } from './errors.ts';
export { applyMigrations, MigrationError, pendingMigrations, readMigrations } from './migrate.ts';
export { type SignedPatient, signedOrderContent, signedOrderContentHash } from './order-signature.ts';
export { openPglite } from './pglite.ts';
export { openPostgres } from './postgres.ts';
export { preparedMark } from './prepared-statements.ts';
export { nextRxNumber } from './rx-numbers.ts';
