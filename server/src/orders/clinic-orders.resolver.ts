import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ClinicScope } from '../access/clinic-scope.ts';
import { audit } from '../audit/audit.ts';
import type { Context } from '../graphql/context.ts';
import { ArgRules } from '../graphql/input-rules.ts';
import { badInput, conflict, invalidTransition } from '../platform/errors.ts';
import { onceForKey } from './idempotency.ts';
import {
  IDEMPOTENCY_KEY,
  OrderInput,
  OrderVersionInput,
  ReasonedOrderInput,
  SubmitOrderInput,
} from './order.inputs.ts';
import { asClinicOrder, eventsWithActors } from './order.loaders.ts';
import { ClinicOrderType, OrderEventType } from './order.types.ts';
import { prescription } from './order-prescription.ts';
import { moveOrder, releaseHeld, scopedOrder } from './order-state.ts';

async function clinicOrder(ctx: Context, orderId: string): Promise<ClinicOrderType> {
  return asClinicOrder(ctx, await ClinicScope.of(ctx).order(orderId));
}

@Resolver(() => ClinicOrderType)
export class ClinicOrdersResolver {
  /** An order of the viewer's clinic (the patient's allergies and address among it): the read is audited. */
  @Authorized('CLINICIAN', 'COORDINATOR')
  @Query(() => ClinicOrderType)
  async order(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<ClinicOrderType> {
    const order = await ClinicScope.of(ctx).order(id);
    await audit(ctx.prisma, ctx, 'READ', 'Order', order.id);
    return asClinicOrder(ctx, order);
  }

  @Authorized('CLINICIAN', 'COORDINATOR')
  @FieldResolver(() => [OrderEventType])
  events(@Root() order: ClinicOrderType, @Ctx() ctx: Context): Promise<OrderEventType[]> {
    return eventsWithActors(ctx, order.id);
  }

  /**
   * A DRAFT order from a trial; its lines come from the rules package. The same idempotency key
   * again returns the order the first call made.
   */
  @Authorized('CLINICIAN', 'COORDINATOR')
  @ArgRules({ idempotencyKey: { max: 100 } })
  @Mutation(() => ClinicOrderType)
  async createOrder(
    @Arg('trialId', () => ID) trialId: string,
    @Arg('input', () => OrderInput) input: OrderInput,
    @Arg('idempotencyKey', () => String, {
      nullable: true,
      description:
        'The same key again (a retry, a double click, two tabs) returns the order the first call made.',
    })
    idempotencyKey: string | null | undefined,
    @Ctx() ctx: Context,
  ): Promise<ClinicOrderType> {
    const scope = ClinicScope.of(ctx);
    const create = async (tx: Parameters<Parameters<typeof scope.transaction>[0]>[0]) => {
      const trial = await scope.trial(trialId, tx);
      const { lineRows, ...fields } = await prescription(tx, scope, trial, input, ctx.clock);
      const order = await tx.order.create({
        data: {
          ...fields,
          state: 'DRAFT',
          createdById: scope.viewer.userId,
          lines: { createMany: { data: lineRows } },
          events: { create: { toState: 'DRAFT', actorId: scope.viewer.userId } },
        },
      });
      await audit(tx, ctx, 'CREATE', 'Order', order.id);
      return order.id;
    };
    if (idempotencyKey != null && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
      throw badInput('idempotencyKey', 'An idempotency key is 8–100 letters, digits or ._:-');
    }
    const orderId =
      idempotencyKey == null
        ? await scope.transaction(create)
        : await onceForKey(
            ctx.prisma,
            { userId: scope.viewer.userId, operation: 'createOrder', key: idempotencyKey },
            { trialId, input },
            create,
          );
    return clinicOrder(ctx, orderId);
  }

  /** Rewrites a DRAFT (its lines recomputed and checked again: no edit reaches a dose above 4.5 mg). */
  @Authorized('CLINICIAN', 'COORDINATOR')
  @Mutation(() => ClinicOrderType)
  async updateOrderDraft(
    @Arg('order', () => OrderVersionInput) target: OrderVersionInput,
    @Arg('input', () => OrderInput) input: OrderInput,
    @Ctx() ctx: Context,
  ): Promise<ClinicOrderType> {
    const scope = ClinicScope.of(ctx);
    await scope.transaction(async (tx) => {
      const order = await scopedOrder(tx, scope.orderWhere, target.orderId, target.version);
      if (order.state !== 'DRAFT')
        throw invalidTransition(`An order that is ${order.state} can no longer be edited.`, order.state);
      const trial = await scope.trial(order.trialId, tx);
      const { lineRows, ...fields } = await prescription(tx, scope, trial, input, ctx.clock);
      const { count } = await tx.order.updateMany({
        where: { id: order.id, version: order.version, state: 'DRAFT' },
        data: { ...fields, version: { increment: 1 } },
      });
      if (count === 0) throw conflict();
      await tx.orderLine.deleteMany({ where: { orderId: order.id } });
      await tx.orderLine.createMany({ data: lineRows.map((line) => ({ ...line, orderId: order.id })) });
      await audit(tx, ctx, 'UPDATE', 'Order', order.id);
    });
    return clinicOrder(ctx, target.orderId);
  }

  /** A clinician signs and sends a DRAFT to the pharmacy; the same key again returns the same order. */
  @Authorized('CLINICIAN')
  @Mutation(() => ClinicOrderType)
  async submitOrder(
    @Arg('input', () => SubmitOrderInput) input: SubmitOrderInput,
    @Ctx() ctx: Context,
  ): Promise<ClinicOrderType> {
    const scope = ClinicScope.of(ctx);
    const orderId = await onceForKey(
      ctx.prisma,
      { userId: scope.viewer.userId, operation: 'submitOrder', key: input.idempotencyKey },
      { orderId: input.orderId, version: input.version },
      async (tx) => {
        const order = await moveOrder(tx, scope.orderWhere, 'submit', {
          orderId: input.orderId,
          version: input.version,
          actorId: scope.viewer.userId,
          data: { submittedAt: ctx.clock.now() },
        });
        await audit(tx, ctx, 'SUBMIT', 'Order', order.id);
        return order.id;
      },
    );
    return clinicOrder(ctx, orderId);
  }

  /** Withdraws an order the pharmacy has not started compounding (DRAFT, SUBMITTED or RECEIVED). */
  @Authorized('CLINICIAN', 'COORDINATOR')
  @Mutation(() => ClinicOrderType)
  async cancelOrder(
    @Arg('input', () => ReasonedOrderInput) input: ReasonedOrderInput,
    @Ctx() ctx: Context,
  ): Promise<ClinicOrderType> {
    const scope = ClinicScope.of(ctx);
    await scope.transaction(async (tx) => {
      const order = await moveOrder(tx, scope.orderWhere, 'cancel', {
        orderId: input.orderId,
        version: input.version,
        actorId: scope.viewer.userId,
        reason: input.reason,
      });
      await audit(tx, ctx, 'CANCEL', 'Order', order.id);
    });
    return clinicOrder(ctx, input.orderId);
  }

  /** Releases a held order whose trial is active again, back to the state it had. */
  @Authorized('CLINICIAN', 'COORDINATOR')
  @Mutation(() => ClinicOrderType)
  async releaseOrderHold(
    @Arg('input', () => OrderVersionInput) input: OrderVersionInput,
    @Ctx() ctx: Context,
  ): Promise<ClinicOrderType> {
    const scope = ClinicScope.of(ctx);
    await scope.transaction(async (tx) => {
      const order = await scopedOrder(tx, scope.orderWhere, input.orderId, input.version);
      await releaseHeld(tx, order, scope.viewer.userId, null);
      await audit(tx, ctx, 'RELEASE', 'Order', order.id);
    });
    return clinicOrder(ctx, input.orderId);
  }
}
