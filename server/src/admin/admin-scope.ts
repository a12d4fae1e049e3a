import type { Prisma, PrismaClient } from '@ldn/db';
import type { Viewer } from '../auth/viewer.ts';
import type { Context } from '../graphql/context.ts';
import { forbidden, unauthenticated } from '../platform/errors.ts';

/**
 * The network administration's access: an ADMIN of a NETWORK organisation. `@Authorized('ADMIN')`
 * checks the role; this checks the organisation too, so an ADMIN row misfiled under a clinic gets
 * nothing. Administration reads organisations and people across the installation by design, so the
 * client it hands out is deliberately unscoped — and it never reads patient data: the audit search
 * by patient reads one patient's record ids only (`audit-patient.ts`).
 */
export class AdminScope {
  private constructor(
    readonly viewer: Viewer,
    readonly prisma: PrismaClient,
  ) {}

  static of(ctx: Pick<Context, 'viewer' | 'prisma'>): AdminScope {
    if (ctx.viewer === null) throw unauthenticated();
    if (ctx.viewer.role !== 'ADMIN' || ctx.viewer.organisationKind !== 'NETWORK') {
      throw forbidden('administer the network');
    }
    return new AdminScope(ctx.viewer, ctx.prisma);
  }

  /** One transaction for a change: it applies fully (with its audit row) or not at all. */
  transaction<T>(work: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(work, { maxWait: 5_000, timeout: 15_000 });
  }
}
