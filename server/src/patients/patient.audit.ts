import type { Prisma } from '@ldn/db';
import type { Context } from '../graphql/context.ts';

/**
 * One LIST row per patient a page showed, written in one statement so a page of 100 costs what a
 * page of 10 does. Same columns as audit() (ids only, never names); audit() writes one row a call.
 */
export async function auditPatientsListed(
  client: Prisma.TransactionClient,
  ctx: Pick<Context, 'viewer' | 'requestId'>,
  patientIds: string[],
): Promise<void> {
  if (patientIds.length === 0) return;
  await client.auditLog.createMany({
    data: patientIds.map((entityId) => ({
      actorId: ctx.viewer?.userId ?? null,
      organisationId: ctx.viewer?.organisationId ?? null,
      action: 'LIST',
      entity: 'Patient',
      entityId,
      requestId: ctx.requestId,
    })),
  });
}
