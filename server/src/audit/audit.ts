import type { Prisma } from '@ldn/db';
import type { Viewer } from '../auth/viewer.ts';

export type AuditAction =
  | 'READ'
  | 'CREATE'
  | 'UPDATE'
  | 'SIGN_IN'
  | 'SIGN_OUT'
  | 'SIGN_IN_REFUSED'
  | (string & {});

/**
 * Appends one row to the audit log: who, which organisation, what, which record, which request.
 * Record ids only, never names or clinical values. Call it with the transaction of the change.
 */
export async function audit(
  client: Prisma.TransactionClient,
  ctx: { viewer: Pick<Viewer, 'userId' | 'organisationId'> | null; requestId: string },
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
    },
  });
}
