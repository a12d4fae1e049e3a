import { Prisma } from '@ldn/db';
import type { Viewer } from '../auth/viewer.ts';

export type AuditAction =
  | 'READ'
  | 'CREATE'
  | 'UPDATE'
  | 'SIGN_IN'
  | 'SIGN_OUT'
  | 'SIGN_IN_REFUSED'
  | 'LIST'
  | (string & {});

/** Who is acting, for which request: the request's context, or a named system actor (CLI, start-up). */
export interface AuditContext {
  /** A patient reporting through a link (issue #19) acts for no person: userId null, the trial's clinic. */
  viewer: (Pick<Viewer, 'organisationId'> & { userId: Viewer['userId'] | null }) | null;
  requestId: string;
  /** The patient's link, when the patient acts through it: who acted, in place of a person. */
  patientLinkId?: string;
}

/**
 * Appends one row to the audit log: who, which organisation, what, which record, which request.
 * Record ids only, never names or clinical values. Call it with the transaction of the change.
 */
export async function audit(
  client: Prisma.TransactionClient,
  ctx: AuditContext,
  action: AuditAction,
  entity: string,
  entityId: string | null,
): Promise<void> {
  await client.auditLog.create({ data: auditRowOf(ctx, action, entity, entityId) });
}

/** The columns every audit row of a request carries: who acted, for which organisation and request. */
function auditRowOf(ctx: AuditContext, action: AuditAction, entity: string, entityId: string | null) {
  return {
    actorId: ctx.viewer?.userId ?? null,
    organisationId: ctx.viewer?.organisationId ?? null,
    action,
    entity,
    entityId,
    requestId: ctx.requestId,
    patientLinkId: ctx.patientLinkId ?? null,
  };
}

/**
 * The audit rows of a read, as the INSERT of a data-modifying CTE in the read's own statement: one
 * row per record that the statement's CTE named `found` (ours, never a caller's text) returned, by
 * its `id`; none when it returned nothing, so a record not shown is not logged as read. The same
 * columns as `audit` writes.
 */
export function auditReadOf(ctx: AuditContext, entity: string, found: string): Prisma.Sql {
  const row = auditRowOf(ctx, 'READ', entity, null);
  return Prisma.sql`
    INSERT INTO "AuditLog" ("actorId", "organisationId", action, entity, "entityId", "requestId", "patientLinkId")
    SELECT ${row.actorId}::uuid, ${row.organisationId}::uuid, ${row.action}, ${row.entity}, id::text,
           ${row.requestId}, ${row.patientLinkId}::uuid
    FROM ${Prisma.raw(found)}`;
}

/**
 * A list that showed records (a page of patients, the worklist, the pharmacy queue) writes ONE
 * LIST row per request naming them all in `entityIds`, so a page of 100 is one row, not 100 (an
 * unthrottled client once wrote 29,233 LIST rows in 15 s). Nothing is written for an empty list.
 */
export async function auditListed(
  client: Prisma.TransactionClient,
  ctx: AuditContext,
  entity: string,
  entityIds: readonly string[],
): Promise<void> {
  const distinct = [...new Set(entityIds)];
  if (distinct.length === 0) return;
  await client.auditLog.create({ data: { ...auditRowOf(ctx, 'LIST', entity, null), entityIds: distinct } });
}

/**
 * The same change to several records (a trial's open orders held with it): one row per record,
 * in one statement, so each record's history names it as if it had been changed on its own.
 */
export async function auditEach(
  client: Prisma.TransactionClient,
  ctx: AuditContext,
  action: AuditAction,
  entity: string,
  entityIds: readonly string[],
): Promise<void> {
  if (entityIds.length === 0) return;
  await client.auditLog.createMany({
    data: entityIds.map((entityId) => auditRowOf(ctx, action, entity, entityId)),
  });
}
