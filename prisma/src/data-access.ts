import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Whose data a statement may touch: the organisation of the person a request is served for. The
 * database enforces it with row-level security (migration `…_row_level_security`): every statement
 * run while an access is set switches, for its own transaction only, to the role `ldn_app`, which
 * owns no table and so is held by the policies, and tells them the organisation.
 *
 * No access set means the system: migrations, start-up jobs, sign-in, the retention job. Those run
 * as the connection's own user (the tables' owner), which the policies do not hold.
 */
export interface DataAccess {
  readonly organisationId: string;
  readonly organisationKind: 'CLINIC' | 'PHARMACY' | 'NETWORK';
}

/** The role the policies hold; created by the row-level security migration. */
export const APP_ROLE = 'ldn_app';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const KINDS = new Set(['CLINIC', 'PHARMACY', 'NETWORK']);

/** A request's slot: empty until the request knows who it serves, then that access to the end. */
interface Slot {
  access: DataAccess | null;
}

const slots = new AsyncLocalStorage<Slot>();

/**
 * Runs `work` (a request) with a slot of its own for its data access; everything `work` starts,
 * however deep and however late, sees what `grantDataAccess` puts in it.
 */
export function withDataAccessSlot<T>(work: () => T): T {
  return slots.run({ access: null }, work);
}

/**
 * From now on, every statement of the current request runs under `access`. Refused outside a
 * request's slot: an access set there would silently apply to nothing.
 */
export function grantDataAccess(access: DataAccess): void {
  const slot = slots.getStore();
  if (slot === undefined) throw new Error('grantDataAccess outside a request');
  if (!UUID.test(access.organisationId) || !KINDS.has(access.organisationKind))
    throw new Error('invalid data access');
  slot.access = access;
}

/** Runs `work` under `access` whether or not inside a request (tests, and jobs done for one organisation). */
export function asOrganisation<T>(access: DataAccess, work: () => T): T {
  return slots.run({ access: null }, () => {
    grantDataAccess(access);
    return work();
  });
}

/** Runs `work` under `access`, or as the system for null, whatever the caller runs under. */
export function withDataAccess<T>(access: DataAccess | null, work: () => T): T {
  return slots.run({ access }, work);
}

/** The access of the statement about to be sent, or null for the system. */
export function currentDataAccess(): DataAccess | null {
  return slots.getStore()?.access ?? null;
}

/**
 * The statement sent, in the same transaction, before each statement under an access. `true`
 * makes each setting local to the transaction: it ends with it, so it is safe on a pooled
 * connection and behind a transaction-mode pooler. JIT compilation is off: the policies' subqueries
 * can make the planner cost a one-row read like a scan, and compiling it then takes longer than
 * any statement of a request runs.
 */
export const ACCESS_STATEMENT =
  "SELECT set_config('role', $1, true), set_config('ldn.organisation_id', $2, true), set_config('jit', 'off', true)";

/** The policies read the organisation's kind from the organisation itself: only its id is sent. */
export function accessParameters(access: DataAccess): string[] {
  return [APP_ROLE, access.organisationId];
}

/**
 * Statements that open, end or shape a transaction must come first in it (SET TRANSACTION) or are
 * not data: they are sent as they are. Every other statement inside an explicit transaction gets
 * the access again, which changes nothing and keeps one rule.
 */
export function isTransactionControl(sql: string): boolean {
  return /^\s*(BEGIN|START\s+TRANSACTION|COMMIT|END|ROLLBACK|ABORT|SAVEPOINT|RELEASE|SET\s+TRANSACTION|PREPARE\s+TRANSACTION)\b/i.test(
    sql,
  );
}
