import type { Prisma } from '@ldn/db';
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
  await client.auditLog.create({
    data: {
      actorId: ctx.viewer?.userId ?? null,
      organisationId: ctx.viewer?.organisationId ?? null,
      action,
      entity,
      entityId,
      requestId: ctx.requestId,
      patientLinkId: ctx.patientLinkId ?? null,
    },
  });
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
  await client.auditLog.create({
    data: {
      actorId: ctx.viewer?.userId ?? null,
      organisationId: ctx.viewer?.organisationId ?? null,
      action: 'LIST',
      entity,
      entityId: null,
      entityIds: distinct,
      requestId: ctx.requestId,
      patientLinkId: ctx.patientLinkId ?? null,
    },
  });
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
    data: entityIds.map((entityId) => ({
      actorId: ctx.viewer?.userId ?? null,
      organisationId: ctx.viewer?.organisationId ?? null,
      action,
      entity,
      entityId,
      requestId: ctx.requestId,
      patientLinkId: ctx.patientLinkId ?? null,
    })),
  });
}
