import type { Order, OrderEvent, OrderLine, Override } from '@ldn/db';
import type { LoaderSource } from '../access/loaders.ts';
import { userNames } from '../graphql/user-names.ts';
import type { ClinicOrderType, OrderEventType, OrderFields } from './order.types.ts';
import { orderFields } from './order-draft.ts';
import { signatureOf } from './order-signature.ts';

/** Lines of many orders in one query. */
export const linesOf = (ctx: LoaderSource) =>
  ctx.loaders.many<OrderLine>(
    'order.lines',
    (prisma, ids) => prisma.orderLine.findMany({ where: { orderId: { in: ids } } }),
    (line) => line.orderId,
  );

const eventsOf = (ctx: LoaderSource) =>
  ctx.loaders.many<OrderEvent>(
    'order.events',
    (prisma, ids) => prisma.orderEvent.findMany({ where: { orderId: { in: ids } }, orderBy: { at: 'asc' } }),
    (event) => event.orderId,
  );

export const organisationName = (ctx: LoaderSource) =>
  ctx.loaders.one<{ id: string; name: string }>(
    'organisation.name',
    (prisma, ids) =>
      prisma.organisation.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }),
    (org) => org.id,
  );

/** An order's shared fields, its lines and signature loaded in a batch with the other orders of the page. */
export async function withLines(ctx: LoaderSource, order: Order): Promise<OrderFields> {
  const lines = await linesOf(ctx).load(order.id);
  return orderFields(order, lines, await signatureOf(ctx, order, lines));
}

/** An order's transitions with the names of who made them. */
export async function eventsWithActors(ctx: LoaderSource, orderId: string): Promise<OrderEventType[]> {
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
export async function asClinicOrder(ctx: LoaderSource, order: Order): Promise<ClinicOrderType> {
  const pharmacy = await organisationName(ctx).load(order.pharmacyId);
  return {
    ...(await withLines(ctx, order)),
    trialId: order.trialId,
    patientId: order.patientId,
    pharmacyId: order.pharmacyId,
    pharmacyName: pharmacy?.name ?? '',
  };
}

/** Only what filling and delivering needs of an order's patient: name, birth date, phone, address, allergies. */
export const orderPatientsOf = (ctx: LoaderSource) =>
  ctx.loaders.one(
    'order.patient',
    (prisma, ids) =>
      prisma.patient.findMany({
        where: { id: { in: ids } },
        select: {
          id: true,
          givenName: true,
          familyName: true,
          dateOfBirth: true,
          phone: true,
          addressLine1: true,
          addressLine2: true,
          city: true,
          region: true,
          postalCode: true,
          allergies: true,
        },
      }),
    (p) => p.id,
  );

/** A pharmacy's name, address and phone, as every label prints them. */
export const labelPharmaciesOf = (ctx: LoaderSource) =>
  ctx.loaders.one(
    'order.pharmacy',
    (prisma, ids) =>
      prisma.organisation.findMany({
        where: { id: { in: ids } },
        select: {
          id: true,
          name: true,
          addressLine1: true,
          addressLine2: true,
          city: true,
          region: true,
          postalCode: true,
          phone: true,
        },
      }),
    (organisation) => organisation.id,
  );

/** The soft stops overridden to write or edit each order, oldest first. */
export const overridesOf = (ctx: LoaderSource) =>
  ctx.loaders.many<Override>(
    'order.overrides',
    (prisma, ids) =>
      prisma.override.findMany({ where: { orderId: { in: ids } }, orderBy: { givenAt: 'asc' } }),
    (override) => override.orderId ?? '',
  );

/** The orders of each trial, newest first. */
export const ordersOfTrial = (ctx: LoaderSource) =>
  ctx.loaders.many<Order>(
    'trial.orders',
    (prisma, ids) =>
      prisma.order.findMany({ where: { trialId: { in: ids } }, orderBy: { createdAt: 'desc' } }),
    (order) => order.trialId,
  );
