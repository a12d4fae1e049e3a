import type { Order, OrderLine, OrderState, Prisma, PrismaClient } from '@ldn/db';
import type { Viewer } from '../auth/viewer.ts';
import { type QueuePage, readQueuePage } from '../orders/pharmacy-queue-data.ts';
import { forbidden, unauthenticated } from '../platform/errors.ts';
import { foundRecord } from './ids.ts';
import type { Loaders } from './loaders.ts';
import { type Client, Repository } from './repository.ts';

/**
 * A pharmacy's view: only the orders addressed to the viewer's pharmacy, and never drafts (a draft
 * has not been sent). Another pharmacy's order is NOT_FOUND, exactly like one that does not exist.
 */
export class PharmacyRepository extends Repository {
  readonly pharmacyId: string;

  private constructor(
    readonly viewer: Viewer,
    prisma: PrismaClient,
    loaders: Loaders,
    requestId: string,
  ) {
    super(prisma, loaders, { viewer, requestId });
    this.pharmacyId = viewer.organisationId;
  }

  /** The pharmacy of the viewer; anyone else is refused before an order is read. */
  static for(
    viewer: Viewer | null,
    prisma: PrismaClient,
    loaders: Loaders,
    requestId: string,
  ): PharmacyRepository {
    if (viewer === null) throw unauthenticated();
    if (viewer.organisationKind !== 'PHARMACY') throw forbidden('work pharmacy orders');
    return new PharmacyRepository(viewer, prisma, loaders, requestId);
  }

  get orderWhere(): Prisma.OrderWhereInput {
    return { pharmacyId: this.pharmacyId, state: { not: 'DRAFT' } };
  }

  order(id: string, client: Client = this.prisma): Promise<Order> {
    return foundRecord('Order', id, () => client.order.findFirst({ where: { id, ...this.orderWhere } }));
  }

  /**
   * A page of the pharmacy's orders matching `search`, of `states` when given (pharmacy-queue.ts
   * sorts them), with how many orders of each state the search matches; the page's fields primed.
   */
  queuePage(
    states: readonly OrderState[] | null | undefined,
    search: string | null | undefined,
    first: number,
    after: string | null | undefined,
  ): Promise<QueuePage> {
    return readQueuePage(this, { states, search, first, after });
  }

  /** An order's lines as they are now, not through the request's loader (a change must show its own writes). */
  orderLines(orderId: string): Promise<OrderLine[]> {
    return this.prisma.orderLine.findMany({ where: { orderId } });
  }
}
