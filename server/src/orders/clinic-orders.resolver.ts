import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { CLINIC_ROLES, MAY } from '../access/action-roles.ts';
import type { ClinicRepository } from '../access/clinic-repository.ts';
import type { Tx } from '../access/repository.ts';
import { ClinicRepo, SystemRepo } from '../access/repository-decorators.ts';
import type { SystemRepository } from '../access/system-repository.ts';
import { audit } from '../audit/audit.ts';
import type { Context } from '../graphql/context.ts';
import { ArgRules } from '../graphql/input-rules.ts';
import { PatientType } from '../patients/patient.type.ts';
import { badInput, notFound } from '../platform/errors.ts';
import { trialLoaders } from '../trials/trial.loaders.ts';
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
import { createDraftOrderIn, updateDraftOrderIn } from './order-drafting.ts';
import { moveOrder, releaseHeld, scopedOrder } from './order-state.ts';
import { submitSigned } from './order-submission.ts';

async function clinicOrder(scope: ClinicRepository, orderId: string): Promise<ClinicOrderType> {
  return asClinicOrder(scope, await scope.order(orderId));
}

@Resolver(() => ClinicOrderType)
export class ClinicOrdersResolver {
  /** An order of the viewer's clinic (the patient's allergies and address among it): the read is audited. */
  @Authorized(...CLINIC_ROLES)
  @Query(() => ClinicOrderType)
  async order(
    @Arg('id', () => ID) id: string,
    @ClinicRepo() scope: ClinicRepository,
  ): Promise<ClinicOrderType> {
    const order = await scope.order(id);
    await scope.audit('READ', 'Order', order.id);
    return asClinicOrder(scope, order);
  }

  @Authorized(...CLINIC_ROLES)
  @FieldResolver(() => [OrderEventType])
  events(@Root() order: ClinicOrderType, @ClinicRepo() scope: ClinicRepository): Promise<OrderEventType[]> {
    return eventsWithActors(scope, order.id);
  }

  /** The order's patient (the clinic's own): their name, date of birth and MRN identify them on the order. */
  @Authorized(...CLINIC_ROLES)
  @FieldResolver(() => PatientType)
  async patient(@Root() order: ClinicOrderType, @ClinicRepo() scope: ClinicRepository): Promise<PatientType> {
    const patient = await trialLoaders(scope).patients.load(order.patientId);
    if (patient === null) throw notFound('Patient');
    return patient;
  }

  /**
   * A DRAFT order from a trial; its lines come from the rules package. The same idempotency key
   * again returns the order the first call made.
   */
  @Authorized(...MAY.prepareOrder)
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
    @ClinicRepo() scope: ClinicRepository,
    @Ctx() ctx: Context,
  ): Promise<ClinicOrderType> {
    const create = (tx: Tx) => createDraftOrderIn(tx, ctx, scope, trialId, input);
    if (idempotencyKey != null && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
      throw badInput('idempotencyKey', 'An idempotency key is 8–100 letters, digits or ._:-');
    }
    const orderId =
      idempotencyKey == null
        ? await scope.transaction(create)
        : await onceForKey(
            scope,
            { userId: scope.viewer.userId, operation: 'createOrder', key: idempotencyKey },
            { trialId, input },
            create,
          );
    return clinicOrder(scope, orderId);
  }

  /** Rewrites a DRAFT (its lines recomputed and checked again: no edit reaches a dose above 4.5 mg). */
  @Authorized(...MAY.prepareOrder)
  @Mutation(() => ClinicOrderType)
  async updateOrderDraft(
    @Arg('order', () => OrderVersionInput) target: OrderVersionInput,
    @Arg('input', () => OrderInput) input: OrderInput,
    @ClinicRepo() scope: ClinicRepository,
    @Ctx() ctx: Context,
  ): Promise<ClinicOrderType> {
    await scope.transaction((tx) => updateDraftOrderIn(tx, ctx, scope, target, input));
    return clinicOrder(scope, target.orderId);
  }

  /**
   * A clinician signs a DRAFT with their password and sends it to the pharmacy; the signature
   * (who, when, its meaning, a hash of what was signed) is written with the move. A wrong password
   * is SIGNATURE_INVALID and changes nothing; the same key again returns the same order.
   */
  @Authorized(...MAY.signOrder)
  @Mutation(() => ClinicOrderType)
  async submitOrder(
    @Arg('input', () => SubmitOrderInput) input: SubmitOrderInput,
    @ClinicRepo() scope: ClinicRepository,
    // system: the signer's password is checked against their own user row and sign-in's throttle.
    @SystemRepo() system: SystemRepository,
    @Ctx() ctx: Context,
  ): Promise<ClinicOrderType> {
    return submitSigned(ctx, scope, system, input);
  }

  /** Withdraws an order the pharmacy has not started compounding (DRAFT, SUBMITTED or RECEIVED). */
  @Authorized(...CLINIC_ROLES)
  @Mutation(() => ClinicOrderType)
  async cancelOrder(
    @Arg('input', () => ReasonedOrderInput) input: ReasonedOrderInput,
    @ClinicRepo() scope: ClinicRepository,
    @Ctx() ctx: Context,
  ): Promise<ClinicOrderType> {
    await scope.transaction(async (tx) => {
      const order = await moveOrder(tx, scope.orderWhere, 'cancel', {
        orderId: input.orderId,
        version: input.version,
        actorId: scope.viewer.userId,
        reason: input.reason,
      });
      await audit(tx, ctx, 'CANCEL', 'Order', order.id);
    });
    return clinicOrder(scope, input.orderId);
  }

  /** Releases a held order whose trial is active again, back to the state it had. */
  @Authorized(...MAY.releaseOrderHold)
  @Mutation(() => ClinicOrderType)
  async releaseOrderHold(
    @Arg('input', () => OrderVersionInput) input: OrderVersionInput,
    @ClinicRepo() scope: ClinicRepository,
    @Ctx() ctx: Context,
  ): Promise<ClinicOrderType> {
    await scope.transaction(async (tx) => {
      const order = await scopedOrder(tx, scope.orderWhere, input.orderId, input.version);
      await releaseHeld(tx, order, scope.viewer.userId, null);
      await audit(tx, ctx, 'RELEASE', 'Order', order.id);
    });
    return clinicOrder(scope, input.orderId);
  }
}
