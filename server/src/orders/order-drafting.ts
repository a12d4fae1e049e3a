import type { ClinicRepository } from '../access/clinic-repository.ts';
import type { Tx } from '../access/repository.ts';
import { audit } from '../audit/audit.ts';
import type { Context } from '../graphql/context.ts';
import { conflict, invalidTransition } from '../platform/errors.ts';
import type { OrderInput, OrderVersionInput } from './order.inputs.ts';
import { storeOrderOverrides } from './order-overlap.ts';
import { prescription } from './order-prescription.ts';
import { scopedOrder } from './order-state.ts';

/** Who is acting, and when: what a change stores beside what it overrode. */
const actingNow = (ctx: Context, scope: ClinicRepository) => ({
  actorId: scope.viewer.userId,
  at: ctx.clock.now(),
});

/**
 * A DRAFT order from the trial, in the caller's transaction: the trial share-locked while its
 * lines come from the rules package, the overrides stored, the CREATE audited. Returns its id.
 */
export async function createDraftOrderIn(
  tx: Tx,
  ctx: Context,
  scope: ClinicRepository,
  trialId: string,
  input: OrderInput,
): Promise<string> {
  const trial = await scope.lockedTrial(trialId, tx);
  const { lineRows, acceptedOverrides, ...fields } = await prescription(tx, scope, trial, input, ctx.clock);
  const order = await tx.order.create({
    data: {
      ...fields,
      state: 'DRAFT',
      createdById: scope.viewer.userId,
      lines: { createMany: { data: lineRows } },
      events: { create: { toState: 'DRAFT', actorId: scope.viewer.userId } },
    },
  });
  await storeOrderOverrides(tx, actingNow(ctx, scope), order, 'ORDER_CREATE', acceptedOverrides);
  await audit(tx, ctx, 'CREATE', 'Order', order.id);
  return order.id;
}

/**
 * Rewrites a DRAFT still at the version read, in the caller's transaction: its lines recomputed
 * and checked again, the overrides stored, the UPDATE audited. Anything but a DRAFT is refused.
 */
export async function updateDraftOrderIn(
  tx: Tx,
  ctx: Context,
  scope: ClinicRepository,
  target: OrderVersionInput,
  input: OrderInput,
): Promise<void> {
  const order = await scopedOrder(tx, scope.orderWhere, target.orderId, target.version);
  if (order.state !== 'DRAFT')
    throw invalidTransition(`An order that is ${order.state} can no longer be edited.`, order.state);
  const trial = await scope.trial(order.trialId, tx);
  const { lineRows, acceptedOverrides, ...fields } = await prescription(
    tx,
    scope,
    trial,
    input,
    ctx.clock,
    order.id,
  );
  const { count } = await tx.order.updateMany({
    where: { id: order.id, version: order.version, state: 'DRAFT' },
    data: { ...fields, version: { increment: 1 } },
  });
  if (count === 0) throw conflict();
  await tx.orderLine.deleteMany({ where: { orderId: order.id } });
  await tx.orderLine.createMany({ data: lineRows.map((line) => ({ ...line, orderId: order.id })) });
  await storeOrderOverrides(tx, actingNow(ctx, scope), order, 'ORDER_EDIT', acceptedOverrides);
  await audit(tx, ctx, 'UPDATE', 'Order', order.id);
}
