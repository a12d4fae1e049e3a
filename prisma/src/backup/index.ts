export { BackupError, type BackupKind, detectBackupKind, formatSize } from './file.ts';
export { backupPglite, type PgliteBackupResult, type PgliteRestoreResult, restorePglite } from './pglite.ts';
export {
  backupPostgres,
  type PostgresBackupResult,
  type PostgresRestoreResult,
  parseToolVersion,
  restorePostgres,
} from './postgres.ts';
