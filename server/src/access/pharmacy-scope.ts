import type { Order, Prisma, PrismaClient } from '@ldn/db';
import type { Viewer } from '../auth/viewer.ts';
import type { Context } from '../graphql/context.ts';
import { forbidden, notFound, unauthenticated } from '../platform/errors.ts';
import { isRecordId } from './ids.ts';

/**
 * A pharmacy's view: only the orders addressed to the viewer's pharmacy, and never drafts (a draft
 * has not been sent). Another pharmacy's order is NOT_FOUND, exactly like one that does not exist.
 */
export class PharmacyScope {
  readonly pharmacyId: string;

  private constructor(
    readonly viewer: Viewer,
    private readonly prisma: PrismaClient,
  ) {
    this.pharmacyId = viewer.organisationId;
  }

  static of(ctx: Pick<Context, 'viewer' | 'prisma'>): PharmacyScope {
    if (ctx.viewer === null) throw unauthenticated();
    if (ctx.viewer.organisationKind !== 'PHARMACY') throw forbidden('work pharmacy orders');
    return new PharmacyScope(ctx.viewer, ctx.prisma);
  }

  get orderWhere(): Prisma.OrderWhereInput {
    return { pharmacyId: this.pharmacyId, state: { not: 'DRAFT' } };
  }

  async order(id: string, client: PrismaClient | Prisma.TransactionClient = this.prisma): Promise<Order> {
    const order = isRecordId(id) ? await client.order.findFirst({ where: { id, ...this.orderWhere } }) : null;
    if (order === null) throw notFound('Order');
    return order;
  }

  transaction<T>(work: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(work, { maxWait: 5_000, timeout: 15_000 });
  }
}
