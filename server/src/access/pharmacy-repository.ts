import type { Order, Prisma, PrismaClient } from '@ldn/db';
import type { Viewer } from '../auth/viewer.ts';
import { forbidden, notFound, unauthenticated } from '../platform/errors.ts';
import { isRecordId } from './ids.ts';
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

  async order(id: string, client: Client = this.prisma): Promise<Order> {
    const order = isRecordId(id) ? await client.order.findFirst({ where: { id, ...this.orderWhere } }) : null;
    if (order === null) throw notFound('Order');
    return order;
  }
}
