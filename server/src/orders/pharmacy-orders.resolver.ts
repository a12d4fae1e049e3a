import type { Order, OrderState as OrderStateValue, Prisma } from '@ldn/db';
import { beyondUseDateKindOf, checkBeyondUseDate } from '@ldn/rules';
import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { isRecordId } from '../access/ids.ts';
import { PharmacyScope } from '../access/pharmacy-scope.ts';
import { audit, auditListed } from '../audit/audit.ts';
import type { Context } from '../graphql/context.ts';
import { dbDate, isoDateOf } from '../graphql/scalars.ts';
import { badInput } from '../platform/errors.ts';
import { enforceFindings, withRuleInput } from '../platform/rule-decisions.ts';
import { OrderState } from './order.enums.ts';
import { DispenseOrderInput, MarkReadyInput, OrderVersionInput, ReasonedOrderInput } from './order.inputs.ts';
import { eventsWithActors, organisationName, withLines } from './order.loaders.ts';
import { OrderEventType, OrderPatientType, PharmacyOrderType, PharmacyQueueType } from './order.types.ts';
import { moveOrder, releaseHeld, scopedOrder, type TransitionRequest } from './order-state.ts';
import type { OrderTransition } from './order-transitions.ts';

const MAX_PAGE = 100;

async function pharmacyOrder(ctx: Context, order: Order): Promise<PharmacyOrderType & { patientId: string }> {
  const clinic = await organisationName(ctx).load(order.clinicId);
  return { ...(await withLines(ctx, order)), clinicName: clinic?.name ?? '', patientId: order.patientId };
}

// The queue is oldest first; the cursor is the position of the last order seen.
const encodeCursor = (order: Order) =>
  Buffer.from(JSON.stringify([order.submittedAt?.toISOString() ?? null, order.id])).toString('base64url');

function decodeCursor(cursor: string): { submittedAt: Date; id: string } {
  try {
    const [submittedAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [
      string,
      string,
    ];
    const date = new Date(submittedAt);
    // The id is compared with a uuid column: anything else must not reach SQL.
    if (Number.isNaN(date.getTime()) || typeof id !== 'string' || !isRecordId(id))
      throw new Error('bad cursor');
    return { submittedAt: date, id };
  } catch {
    throw badInput('after', 'The cursor is not one this queue gave out.');
  }
}

@Resolver(() => PharmacyOrderType)
export class PharmacyOrdersResolver {
  /** The orders addressed to the viewer's pharmacy, oldest first, optionally of some states only. Audited as a list. */
  @Authorized('PHARMACIST')
  @Query(() => PharmacyQueueType)
  async pharmacyQueue(
    @Arg('states', () => [OrderState], { nullable: true }) states: OrderStateValue[] | null | undefined,
    @Arg('first', () => Int, { defaultValue: 25 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null | undefined,
    @Ctx() ctx: Context,
  ): Promise<PharmacyQueueType> {
    if (first < 1 || first > MAX_PAGE) throw badInput('first', `Ask for 1 to ${MAX_PAGE} orders at a time.`);
    const scope = PharmacyScope.of(ctx);
    const where: Prisma.OrderWhereInput = {
      ...scope.orderWhere,
      ...(states == null ? {} : { state: { in: states.filter((s) => s !== 'DRAFT') } }),
    };
    const position = after == null ? null : decodeCursor(after);
    const orders = await ctx.prisma.order.findMany({
      where:
        position === null
          ? where
          : {
              AND: [
                where,
                {
                  OR: [
                    { submittedAt: { gt: position.submittedAt } },
                    { submittedAt: position.submittedAt, id: { gt: position.id } },
                  ],
                },
              ],
            },
      orderBy: [{ submittedAt: 'asc' }, { id: 'asc' }],
      take: first + 1,
    });
    const page = orders.slice(0, first);
    // Each order shows its patient's name and date of birth: one LIST row names the patients.
    await auditListed(
      ctx.prisma,
      ctx,
      'Patient',
      page.map((order) => order.patientId),
    );
    const edges = await Promise.all(
      page.map(async (order) => ({ cursor: encodeCursor(order), node: await pharmacyOrder(ctx, order) })),
    );
    return { edges, hasNextPage: orders.length > first, endCursor: edges.at(-1)?.cursor ?? null };
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
  async patient(
    @Root() order: PharmacyOrderType & { patientId: string },
    @Ctx() ctx: Context,
  ): Promise<OrderPatientType> {
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

  /** COMPOUNDING → READY with the lot and beyond-use date; a BUD past the USP <795> default needs a reason. */
  @Authorized('PHARMACIST')
  @Mutation(() => PharmacyOrderType)
  async markReady(@Arg('input', () => MarkReadyInput) input: MarkReadyInput, @Ctx() ctx: Context) {
    const scope = PharmacyScope.of(ctx);
    const order = await scope.order(input.orderId);
    const compoundedOn = input.compoundedOn ?? ctx.clock.today();
    const kind = beyondUseDateKindOf(order.formulation, order.vehicle ?? undefined);
    const check = withRuleInput('beyondUseDate', () =>
      checkBeyondUseDate({
        compoundedOn,
        beyondUseDate: input.beyondUseDate,
        kind,
        // An explicit null (a nullable field sent as null) is no reason, like one left out.
        reason: input.budReason ?? undefined,
      }),
    );
    enforceFindings(check.findings);
    return this.move(ctx, 'markReady', input, {
      lotNumber: input.lotNumber,
      beyondUseDate: dbDate(input.beyondUseDate),
      compoundedOn: dbDate(compoundedOn),
      budReason: check.exceedsDefault ? (input.budReason ?? null) : null,
    });
  }

  /** READY → DISPENSED: shipped (with tracking) or picked up, as the order's delivery says. */
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
    return this.move(ctx, 'dispense', input, {
      dispensedOn: dbDate(input.dispensedOn ?? ctx.clock.today()),
      trackingNumber: order.delivery === 'SHIP' ? (input.trackingNumber ?? null) : null,
    });
  }

  /** SUBMITTED or RECEIVED → REJECTED, with the reason the clinic will read. */
  @Authorized('PHARMACIST')
  @Mutation(() => PharmacyOrderType)
  rejectOrder(@Arg('input', () => ReasonedOrderInput) input: ReasonedOrderInput, @Ctx() ctx: Context) {
    return this.move(ctx, 'reject', input, { rejectionReason: input.reason }, input.reason);
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
      await audit(tx, ctx, transition.toUpperCase(), 'Order', moved.id);
      return moved;
    });
    return pharmacyOrder(ctx, order);
  }
}
