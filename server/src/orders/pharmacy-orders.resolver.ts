import type { Order, OrderState as OrderStateValue, Prisma } from '@ldn/db';
import { REJECTION_NOTE_REQUIRED, REJECTION_REASONS } from '@ldn/rules';
import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { LoaderSource } from '../access/loaders.ts';
import type { PharmacyRepository } from '../access/pharmacy-repository.ts';
import { PharmacyRepo } from '../access/repository-decorators.ts';
import { audit } from '../audit/audit.ts';
import type { Context } from '../graphql/context.ts';
import { ArgRules } from '../graphql/input-rules.ts';
import { dbDate, isoDateOf } from '../graphql/scalars.ts';
import { badInput, notVerified } from '../platform/errors.ts';
import { OrderState } from './order.enums.ts';
import { DispenseOrderInput, MarkReadyInput, OrderVersionInput, RejectOrderInput } from './order.inputs.ts';
import {
  eventsWithActors,
  labelPharmaciesOf,
  orderPatientsOf,
  organisationName,
  withLines,
} from './order.loaders.ts';
import {
  LabelPharmacyType,
  OrderEventType,
  OrderPatientType,
  PharmacyOrderType,
  PharmacyQueueType,
} from './order.types.ts';
import { lotsOf, recordLineLots } from './order-lots.ts';
import { moveOrder, releaseHeld, scopedOrder, type TransitionRequest } from './order-state.ts';
import type { OrderTransition } from './order-transitions.ts';

const MAX_PAGE = 100;

/** An order as the pharmacy's field resolvers read it: with the ids and the compounding record. */
export type PharmacyOrderRoot = PharmacyOrderType &
  Pick<Order, 'patientId' | 'pharmacyId' | 'compoundedById' | 'compoundedAt' | 'verifiedById' | 'verifiedAt'>;

/** An order as the pharmacy it is addressed to sees it. */
export async function pharmacyOrder(ctx: LoaderSource, order: Order): Promise<PharmacyOrderRoot> {
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
    @PharmacyRepo() scope: PharmacyRepository,
  ): Promise<PharmacyQueueType> {
    if (first < 1 || first > MAX_PAGE) throw badInput('first', `Ask for 1 to ${MAX_PAGE} orders at a time.`);
    const { edges, pageInfo, counts } = await scope.queuePage(states, search, first, after);
    // Each order shows its patient's name and date of birth: one LIST row names the patients.
    await scope.auditListed(
      'Patient',
      edges.map((edge) => edge.node.patientId),
    );
    return {
      edges: await Promise.all(
        edges.map(async ({ cursor, node }) => ({ cursor, node: await pharmacyOrder(scope, node) })),
      ),
      pageInfo,
      counts,
    };
  }

  /** One order of the viewer's pharmacy. */
  @Authorized('PHARMACIST')
  @Query(() => PharmacyOrderType)
  async pharmacyOrder(
    @Arg('id', () => ID) id: string,
    @PharmacyRepo() scope: PharmacyRepository,
  ): Promise<PharmacyOrderType> {
    const order = await scope.order(id);
    await scope.audit('READ', 'Order', order.id);
    return pharmacyOrder(scope, order);
  }

  /** Only what filling and delivering needs: name, date of birth, phone, address, allergies. */
  @Authorized('PHARMACIST')
  @FieldResolver(() => OrderPatientType)
  async patient(
    @Root() order: PharmacyOrderRoot,
    @PharmacyRepo() scope: PharmacyRepository,
  ): Promise<OrderPatientType> {
    const patient = await orderPatientsOf(scope).load(order.patientId);
    if (patient === null) throw new Error('order without its patient');
    const { id: _id, dateOfBirth, ...details } = patient;
    return { ...details, dateOfBirth: isoDateOf(dateOfBirth) };
  }

  /** The viewer's own pharmacy: its name, address and phone go on every label. */
  @Authorized('PHARMACIST')
  @FieldResolver(() => LabelPharmacyType)
  async pharmacy(
    @Root() order: PharmacyOrderRoot,
    @PharmacyRepo() scope: PharmacyRepository,
  ): Promise<LabelPharmacyType> {
    const pharmacy = await labelPharmaciesOf(scope).load(order.pharmacyId);
    if (pharmacy === null) throw new Error('order without its pharmacy');
    const { id: _id, ...details } = pharmacy;
    return details;
  }

  @Authorized('PHARMACIST')
  @FieldResolver(() => [OrderEventType])
  events(
    @Root() order: PharmacyOrderType,
    @PharmacyRepo() scope: PharmacyRepository,
  ): Promise<OrderEventType[]> {
    return eventsWithActors(scope, order.id);
  }

  /** SUBMITTED → RECEIVED. */
  @Authorized('PHARMACIST')
  @Mutation(() => PharmacyOrderType)
  acknowledgeOrder(
    @Arg('input', () => OrderVersionInput) input: OrderVersionInput,
    @PharmacyRepo() scope: PharmacyRepository,
    @Ctx() ctx: Context,
  ) {
    return this.move(ctx, scope, 'acknowledge', input);
  }

  /** RECEIVED → COMPOUNDING. */
  @Authorized('PHARMACIST')
  @Mutation(() => PharmacyOrderType)
  startCompounding(
    @Arg('input', () => OrderVersionInput) input: OrderVersionInput,
    @PharmacyRepo() scope: PharmacyRepository,
    @Ctx() ctx: Context,
  ) {
    return this.move(ctx, scope, 'startCompounding', input);
  }

  /**
   * COMPOUNDING → READY with each line's lot and beyond-use date (each strength of a pack is its
   * own preparation), or one for all; a BUD past the USP <795> default needs a reason.
   */
  @Authorized('PHARMACIST')
  @Mutation(() => PharmacyOrderType)
  async markReady(
    @Arg('input', () => MarkReadyInput) input: MarkReadyInput,
    @PharmacyRepo() scope: PharmacyRepository,
    @Ctx() ctx: Context,
  ) {
    const order = await scope.order(input.orderId);
    const compoundedOn = input.compoundedOn ?? ctx.clock.today();
    // Read afresh, not through the loader: the answer must show the lots this move writes.
    const lines = await scope.orderLines(order.id);
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
    return this.move(ctx, scope, 'markReady', input, data, null, (tx, moved) =>
      recordLineLots(tx, moved.id, lots.lines),
    );
  }

  /**
   * READY → DISPENSED: shipped (with tracking) or picked up, as the order's delivery says; only once
   * a second pharmacist has verified it (the version the person read says it still is unverified).
   */
  @Authorized('PHARMACIST')
  @Mutation(() => PharmacyOrderType)
  async dispenseOrder(
    @Arg('input', () => DispenseOrderInput) input: DispenseOrderInput,
    @PharmacyRepo() scope: PharmacyRepository,
    @Ctx() ctx: Context,
  ) {
    const order = await scope.order(input.orderId);
    if (order.delivery === 'SHIP' && input.trackingNumber == null) {
      throw badInput('trackingNumber', 'A shipped order needs its tracking number.');
    }
    if (order.state === 'READY' && order.verifiedAt === null) throw notVerified();
    return this.move(ctx, scope, 'dispense', input, {
      dispensedOn: dbDate(input.dispensedOn ?? ctx.clock.today()),
      trackingNumber: order.delivery === 'SHIP' ? (input.trackingNumber ?? null) : null,
    });
  }

  /** SUBMITTED or RECEIVED → REJECTED, with the coded reason and note the clinic will read. */
  @Authorized('PHARMACIST')
  @Mutation(() => PharmacyOrderType)
  rejectOrder(
    @Arg('input', () => RejectOrderInput) input: RejectOrderInput,
    @PharmacyRepo() scope: PharmacyRepository,
    @Ctx() ctx: Context,
  ) {
    const note = input.reason ?? null;
    if (note === null && REJECTION_NOTE_REQUIRED.includes(input.code)) {
      throw badInput('reason', `Say why: “${REJECTION_REASONS[input.code]}” needs a note for the clinic.`);
    }
    return this.move(
      ctx,
      scope,
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
  async releaseOrder(
    @Arg('input', () => OrderVersionInput) input: OrderVersionInput,
    @PharmacyRepo() scope: PharmacyRepository,
    @Ctx() ctx: Context,
  ) {
    const order = await scope.transaction(async (tx) => {
      const held = await scopedOrder(tx, scope.orderWhere, input.orderId, input.version);
      const released = await releaseHeld(tx, held, scope.viewer.userId, null);
      await audit(tx, ctx, 'RELEASE', 'Order', released.id);
      return released;
    });
    return pharmacyOrder(scope, order);
  }

  private async move(
    ctx: Context,
    scope: PharmacyRepository,
    transition: OrderTransition,
    input: OrderVersionInput,
    data: TransitionRequest['data'] = {},
    reason: string | null = null,
    /** More writes of the same move, in its transaction (a line's lot). */
    alsoWrite: (tx: Prisma.TransactionClient, moved: Order) => Promise<void> = async () => {},
  ) {
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
    return pharmacyOrder(scope, order);
  }
}
