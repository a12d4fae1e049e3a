const QUERY_CANCELED = '57014';

interface DriverFailure {
  code?: unknown;
  meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } };
}

/**
 * True when PostgreSQL cancelled the statement (SQLSTATE 57014): its `statement_timeout` ran out,
 * or someone cancelled it. Prisma carries the driver's code in `meta.driverAdapterError`; a raw
 * session (`withSession`) rejects with node-postgres's error, whose `code` is the SQLSTATE.
 */
export function isStatementCancelled(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const failure = error as DriverFailure;
  return (
    failure.code === QUERY_CANCELED ||
    failure.meta?.driverAdapterError?.cause?.originalCode === QUERY_CANCELED
  );
}

/** True for Prisma's unique-constraint violation (P2002), whatever client class raised it. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002';
}
