import type { Order, OrderState as OrderStateValue, Prisma } from '@ldn/db';
import { REJECTION_NOTE_REQUIRED, REJECTION_REASONS } from '@ldn/rules';
import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { PharmacyScope } from '../access/pharmacy-scope.ts';
import { audit, auditListed } from '../audit/audit.ts';
import type { Context } from '../graphql/context.ts';
import { ArgRules } from '../graphql/input-rules.ts';
import { dbDate, isoDateOf } from '../graphql/scalars.ts';
import { badInput, notVerified } from '../platform/errors.ts';
import { OrderState } from './order.enums.ts';
import { DispenseOrderInput, MarkReadyInput, OrderVersionInput, RejectOrderInput } from './order.inputs.ts';
import { eventsWithActors, organisationName, withLines } from './order.loaders.ts';
import {
  LabelPharmacyType,
  OrderEventType,
  OrderPatientType,
  PharmacyOrderType,
  PharmacyQueueType,
} from './order.types.ts';
import { lotsOf } from './order-lots.ts';
import { moveOrder, releaseHeld, scopedOrder, type TransitionRequest } from './order-state.ts';
import type { OrderTransition } from './order-transitions.ts';
import {
  afterQueueCursor,
  QUEUE_ORDER,
  queueCursorOf,
  queueOrdering,
  queueSearchWhere,
} from './pharmacy-queue.ts';

const MAX_PAGE = 100;

/** An order as the pharmacy's field resolvers read it: with the ids and the compounding record. */
export type PharmacyOrderRoot = PharmacyOrderType &
  Pick<Order, 'patientId' | 'pharmacyId' | 'compoundedById' | 'compoundedAt' | 'verifiedById' | 'verifiedAt'>;

/** An order as the pharmacy it is addressed to sees it. */
export async function pharmacyOrder(ctx: Context, order: Order): Promise<PharmacyOrderRoot> {
  const clinic = await organisationName(ctx).load(order.clinicId);
  return {
    ...(await withLines(ctx, order)),
    clinicName: clinic?.name ?? '',
    patientId: order.patientId,
    pharmacyId: order.pharmacyId,
    compoundedById: order.compoundedById,
    compoundedAt: order.compoundedAt,
    verifiedById: order.verifiedById,
    verifiedAt: order.verifiedAt,
  };
}

@Resolver(() => PharmacyOrderType)
export class PharmacyOrdersResolver {
  /**
   * The orders addressed to the viewer's pharmacy, optionally of some states only and narrowed by
   * an Rx number or the patient's name or date of birth; open work by need-by date, finished
   * orders newest first. Audited as a list.
   */
  @Authorized('PHARMACIST')
  @ArgRules({ search: { max: 100 } })
  @Query(() => PharmacyQueueType)
  async pharmacyQueue(
    @Arg('states', () => [OrderState], { nullable: true }) states: OrderStateValue[] | null | undefined,
    @Arg('search', () => String, { nullable: true }) search: string | null | undefined,
    @Arg('first', () => Int, { defaultValue: 25 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null | undefined,
    @Ctx() ctx: Context,
  ): Promise<PharmacyQueueType> {
    if (first < 1 || first > MAX_PAGE) throw badInput('first', `Ask for 1 to ${MAX_PAGE} orders at a time.`);
    const scope = PharmacyScope.of(ctx);
    const ordering = queueOrdering(states);
    const found: Prisma.OrderWhereInput = { AND: [scope.orderWhere, queueSearchWhere(search)] };
    const where: Prisma.OrderWhereInput = {
      AND: [found, states == null ? {} : { state: { in: states.filter((s) => s !== 'DRAFT') } }],
    };
    const [orders, counts] = await Promise.all([
      ctx.prisma.order.findMany({
        where: after == null ? where : { AND: [where, afterQueueCursor(after, ordering)] },
        orderBy: QUEUE_ORDER[ordering],
        take: first + 1, // one more than the page says whether another page follows
      }),
      ctx.prisma.order.groupBy({
        by: ['state'],
        where: found,
        _count: { _all: true },
        orderBy: { state: 'asc' },
      }),
    ]);
    const page = orders.slice(0, first);
    // Each order shows its patient's name and date of birth: one LIST row names the patients.
    await auditListed(
      ctx.prisma,
      ctx,
      'Patient',
      page.map((order) => order.patientId),
    );
    const edges = await Promise.all(
      page.map(async (order) => ({
        cursor: queueCursorOf(ordering, order),
        node: await pharmacyOrder(ctx, order),
      })),
    );
    return {
      edges,
      pageInfo: { hasNextPage: orders.length > first, endCursor: edges.at(-1)?.cursor ?? null },
      counts: counts.map((row) => ({ state: row.state, count: row._count._all })),
    };
  }

  /** One order of the viewer's pharmacy. */
  @Authorized('PHARMACIST')
  @Query(() => PharmacyOrderType)
  async pharmacyOrder(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<PharmacyOrderType> {
    const scope = PharmacyScope.of(ctx);
    const order = await scope.order(id);
    await audit(ctx.prisma, ctx, 'READ', 'Order', order.id);
    return pharmacyOrder(ctx, order);
  }

  /** Only what filling and delivering needs: name, date of birth, phone, address, allergies. */
  @Authorized('PHARMACIST')
  @FieldResolver(() => OrderPatientType)
  async patient(@Root() order: PharmacyOrderRoot, @Ctx() ctx: Context): Promise<OrderPatientType> {
    const patient = await ctx.loaders
      .one(
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
      )
      .load(order.patientId);
    if (patient === null) throw new Error('order without its patient');
    const { id: _id, dateOfBirth, ...details } = patient;
    return { ...details, dateOfBirth: isoDateOf(dateOfBirth) };
  }

  /** The viewer's own pharmacy: its name, address and phone go on every label. */
  @Authorized('PHARMACIST')
  @FieldResolver(() => LabelPharmacyType)
  async pharmacy(@Root() order: PharmacyOrderRoot, @Ctx() ctx: Context): Promise<LabelPharmacyType> {
    const pharmacy = await ctx.loaders
      .one(
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
      )
      .load(order.pharmacyId);
    if (pharmacy === null) throw new Error('order without its pharmacy');
    const { id: _id, ...details } = pharmacy;
    return details;
  }

  @Authorized('PHARMACIST')
  @FieldResolver(() => [OrderEventType])
  events(@Root() order: PharmacyOrderType, @Ctx() ctx: Context): Promise<OrderEventType[]> {
    return eventsWithActors(ctx, order.id);
  }

  /** SUBMITTED → RECEIVED. */
  @Authorized('PHARMACIST')
  @Mutation(() => PharmacyOrderType)
  acknowledgeOrder(@Arg('input', () => OrderVersionInput) input: OrderVersionInput, @Ctx() ctx: Context) {
    return this.move(ctx, 'acknowledge', input);
  }

  /** RECEIVED → COMPOUNDING. */
  @Authorized('PHARMACIST')
  @Mutation(() => PharmacyOrderType)
  startCompounding(@Arg('input', () => OrderVersionInput) input: OrderVersionInput, @Ctx() ctx: Context) {
    return this.move(ctx, 'startCompounding', input);
  }

  /**
   * COMPOUNDING → READY with each line's lot and beyond-use date (each strength of a pack is its
   * own preparation), or one for all; a BUD past the USP <795> default needs a reason.
   */
  @Authorized('PHARMACIST')
  @Mutation(() => PharmacyOrderType)
  async markReady(@Arg('input', () => MarkReadyInput) input: MarkReadyInput, @Ctx() ctx: Context) {
    const scope = PharmacyScope.of(ctx);
    const order = await scope.order(input.orderId);
    const compoundedOn = input.compoundedOn ?? ctx.clock.today();
    const lines = await ctx.prisma.orderLine.findMany({ where: { orderId: order.id } });
    const lots = lotsOf(order, lines, input, compoundedOn);
    const data = {
      lotNumber: lots.lotNumber,
      beyondUseDate: dbDate(lots.beyondUseDate),
      compoundedOn: dbDate(compoundedOn),
      budReason: lots.budReason,
      // Who records the lots is who compounded: a second pharmacist verifies (verifyOrder).
      compoundedById: scope.viewer.userId,
      compoundedAt: ctx.clock.now(),
    };
    return this.move(ctx, 'markReady', input, data, null, async (tx, moved) => {
      for (const lot of lots.lines) {
        await tx.orderLine.update({
          where: { orderId_sequence: { orderId: moved.id, sequence: lot.sequence } },
          data: { lotNumber: lot.lotNumber, beyondUseDate: dbDate(lot.beyondUseDate) },
        });
      }
    });
  }

  /**
   * READY → DISPENSED: shipped (with tracking) or picked up, as the order's delivery says; only once
   * a second pharmacist has verified it (the version the person read says it still is unverified).
   */
  @Authorized('PHARMACIST')
  @Mutation(() => PharmacyOrderType)
  async dispenseOrder(
    @Arg('input', () => DispenseOrderInput) input: DispenseOrderInput,
    @Ctx() ctx: Context,
  ) {
    const order = await PharmacyScope.of(ctx).order(input.orderId);
    if (order.delivery === 'SHIP' && input.trackingNumber == null) {
      throw badInput('trackingNumber', 'A shipped order needs its tracking number.');
    }
    if (order.state === 'READY' && order.verifiedAt === null) throw notVerified();
    return this.move(ctx, 'dispense', input, {
      dispensedOn: dbDate(input.dispensedOn ?? ctx.clock.today()),
      trackingNumber: order.delivery === 'SHIP' ? (input.trackingNumber ?? null) : null,
    });
  }

  /** SUBMITTED or RECEIVED → REJECTED, with the coded reason and note the clinic will read. */
  @Authorized('PHARMACIST')
  @Mutation(() => PharmacyOrderType)
  rejectOrder(@Arg('input', () => RejectOrderInput) input: RejectOrderInput, @Ctx() ctx: Context) {
    const note = input.reason ?? null;
    if (note === null && REJECTION_NOTE_REQUIRED.includes(input.code)) {
      throw badInput('reason', `Say why: “${REJECTION_REASONS[input.code]}” needs a note for the clinic.`);
    }
    return this.move(
      ctx,
      'reject',
      input,
      { rejectionCode: input.code, rejectionReason: note },
      // The order's history reads as the clinic does: the reason in words, then the note.
      note === null ? REJECTION_REASONS[input.code] : `${REJECTION_REASONS[input.code]}: ${note}`,
    );
  }

  /** ON_HOLD → the state it had, once its trial is no longer on hold. */
  @Authorized('PHARMACIST')
  @Mutation(() => PharmacyOrderType)
  async releaseOrder(@Arg('input', () => OrderVersionInput) input: OrderVersionInput, @Ctx() ctx: Context) {
    const scope = PharmacyScope.of(ctx);
    const order = await scope.transaction(async (tx) => {
      const held = await scopedOrder(tx, scope.orderWhere, input.orderId, input.version);
      const released = await releaseHeld(tx, held, scope.viewer.userId, null);
      await audit(tx, ctx, 'RELEASE', 'Order', released.id);
      return released;
    });
    return pharmacyOrder(ctx, order);
  }

  private async move(
    ctx: Context,
    transition: OrderTransition,
    input: OrderVersionInput,
    data: TransitionRequest['data'] = {},
    reason: string | null = null,
    /** More writes of the same move, in its transaction (a line's lot). */
    alsoWrite: (tx: Prisma.TransactionClient, moved: Order) => Promise<void> = async () => {},
  ) {
    const scope = PharmacyScope.of(ctx);
    const order = await scope.transaction(async (tx) => {
      const moved = await moveOrder(tx, scope.orderWhere, transition, {
        orderId: input.orderId,
        version: input.version,
        actorId: scope.viewer.userId,
        reason,
        data,
      });
      await alsoWrite(tx, moved);
      await audit(tx, ctx, transition.toUpperCase(), 'Order', moved.id);
      return moved;
    });
    return pharmacyOrder(ctx, order);
  }
}
