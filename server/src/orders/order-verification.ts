import type { Order, Prisma } from '@ldn/db';
import { conflict, invalidTransition, ownCompoundingVerified } from '../platform/errors.ts';
import { scopedOrder } from './order-state.ts';

interface Verification {
  orderId: string;
  /** The version the verifier read: a stale one is refused. */
  version: number;
  verifierId: string;
  at: Date;
}

/**
 * Records the second pharmacist's check of a READY order, inside the caller's transaction: only an
 * order of `scope` (NOT_FOUND otherwise), at the version read, not yet verified, and never by the
 * pharmacist who compounded it. The order keeps its state; dispensing waits for this record.
 */
export async function verifyOrder(
  tx: Prisma.TransactionClient,
  scope: Prisma.OrderWhereInput,
  verification: Verification,
): Promise<Order> {
  const order = await scopedOrder(tx, scope, verification.orderId, verification.version);
  if (order.state !== 'READY') {
    throw invalidTransition(
      `An order that is ${order.state} cannot be verified: it must be READY.`,
      order.state,
    );
  }
  if (order.verifiedAt !== null) throw invalidTransition('This order is already verified.', order.state);
  if (order.compoundedById === verification.verifierId) throw ownCompoundingVerified();
  const { count } = await tx.order.updateMany({
    where: { id: order.id, version: order.version, state: 'READY', verifiedAt: null },
    data: { verifiedById: verification.verifierId, verifiedAt: verification.at, version: { increment: 1 } },
  });
  // Someone moved or verified it between our read and our write.
  if (count === 0) throw conflict();
  return tx.order.findUniqueOrThrow({ where: { id: order.id } });
}
