import type { Order, OrderEvent, OrderLine } from '@ldn/db';
import type { Context } from '../graphql/context.ts';
import { userNames } from '../graphql/user-names.ts';
import type { ClinicOrderType, OrderEventType, OrderFields } from './order.types.ts';
import { orderFields } from './order-draft.ts';
import { signatureOf } from './order-signature.ts';

/** Lines of many orders in one query. */
export const linesOf = (ctx: Context) =>
  ctx.loaders.many<OrderLine>(
    'order.lines',
    (prisma, ids) => prisma.orderLine.findMany({ where: { orderId: { in: ids } } }),
    (line) => line.orderId,
  );

const eventsOf = (ctx: Context) =>
  ctx.loaders.many<OrderEvent>(
    'order.events',
    (prisma, ids) => prisma.orderEvent.findMany({ where: { orderId: { in: ids } }, orderBy: { at: 'asc' } }),
    (event) => event.orderId,
  );

export const organisationName = (ctx: Context) =>
  ctx.loaders.one<{ id: string; name: string }>(
    'organisation.name',
    (prisma, ids) =>
      prisma.organisation.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }),
    (org) => org.id,
  );

/** An order's shared fields, its lines and signature loaded in a batch with the other orders of the page. */
export async function withLines(ctx: Context, order: Order): Promise<OrderFields> {
  const lines = await linesOf(ctx).load(order.id);
  return orderFields(order, lines, await signatureOf(ctx, order, lines));
}

/** An order's transitions with the names of who made them. */
export async function eventsWithActors(ctx: Context, orderId: string): Promise<OrderEventType[]> {
  const events = await eventsOf(ctx).load(orderId);
  const actors = await userNames(ctx).loadMany(events.map((e) => e.actorId));
  return events.map((event, index) => {
    const actor = actors[index];
    return {
      ...event,
      actorName: actor !== null && actor !== undefined && !(actor instanceof Error) ? actor.name : 'Unknown',
    };
  });
}

/** An order as the clinic that wrote it sees it. */
export async function asClinicOrder(ctx: Context, order: Order): Promise<ClinicOrderType> {
  const pharmacy = await organisationName(ctx).load(order.pharmacyId);
  return {
    ...(await withLines(ctx, order)),
    trialId: order.trialId,
    patientId: order.patientId,
    pharmacyId: order.pharmacyId,
    pharmacyName: pharmacy?.name ?? '',
  };
}
