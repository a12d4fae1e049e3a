import type { Order, OrderLine, OrderState, Prisma } from '@ldn/db';
import { type QueuePage, readQueuePage } from '../orders/pharmacy-queue-data.ts';
import { foundRecord } from './ids.ts';
import { type Client, ViewerRepository, viewerGated } from './repository.ts';

/**
 * A pharmacy's view: only the orders addressed to the viewer's pharmacy, and never drafts (a draft
 * has not been sent). Another pharmacy's order is NOT_FOUND, exactly like one that does not exist.
 */
export class PharmacyRepository extends ViewerRepository {
  /** The pharmacy of the viewer; anyone else is refused before an order is read. */
  static readonly for = viewerGated(
    { kind: 'PHARMACY', refusal: 'work pharmacy orders' },
    (...request) => new PharmacyRepository(...request),
  );

  readonly pharmacyId = this.viewer.organisationId;

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
