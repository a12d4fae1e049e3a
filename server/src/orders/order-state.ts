import type { Order, OrderState, Prisma } from '@ldn/db';
import { isRecordId } from '../access/ids.ts';
import { conflict, invalidTransition, notFound } from '../platform/errors.ts';
import {
  CANCELLED_WITH_TRIAL_STATES,
  canLeave,
  HOLDABLE_ORDER_STATES,
  ORDER_TRANSITIONS,
  type OrderTransition,
} from './order-transitions.ts';

type Tx = Prisma.TransactionClient;

export interface TransitionRequest {
  orderId: string;
  /** The version the person read; a stale one is refused (two people cannot both win). */
  version: number;
  actorId: string;
  reason?: string | null;
  /** Fields set with the move (lot number, tracking, ...). */
  data?: Prisma.OrderUpdateManyMutationInput;
}

const VERBS: Record<OrderTransition, string> = {
  submit: 'submitted',
  cancel: 'cancelled',
  acknowledge: 'acknowledged',
  startCompounding: 'compounded',
  markReady: 'marked ready',
  dispense: 'dispensed',
  reject: 'rejected',
};

/**
 * Moves an order inside the caller's transaction, only if it is still in the state and version the
 * person read (a conditional update, checked by its count), and records the move.
 * `scope` keeps the order inside the clinic or pharmacy of the person moving it.
 */
export async function moveOrder(
  tx: Tx,
  scope: Prisma.OrderWhereInput,
  transition: OrderTransition,
  request: TransitionRequest,
): Promise<Order> {
  const current = await scopedOrder(tx, scope, request.orderId, request.version);
  if (!canLeave(transition, current.state)) {
    throw invalidTransition(
      `An order that is ${current.state} cannot be ${VERBS[transition]}.`,
      current.state,
    );
  }
  const to = ORDER_TRANSITIONS[transition].to;
  return setState(tx, current, to, request);
}

/**
 * The order with this id inside `scope` (NOT_FOUND otherwise, as if it did not exist), at the
 * version the person read (CONFLICT otherwise).
 */
export async function scopedOrder(
  tx: Tx,
  scope: Prisma.OrderWhereInput,
  orderId: string,
  version: number,
): Promise<Order> {
  const order = isRecordId(orderId) ? await tx.order.findFirst({ where: { id: orderId, ...scope } }) : null;
  if (order === null) throw notFound('Order');
  if (order.version !== version) throw conflict();
  return order;
}

async function setState(
  tx: Tx,
  current: Order,
  to: OrderState,
  request: Omit<TransitionRequest, 'orderId' | 'version'> & { stateBeforeHold?: OrderState | null },
): Promise<Order> {
  const { count } = await tx.order.updateMany({
    where: { id: current.id, version: current.version, state: current.state },
    data: {
      ...request.data,
      state: to,
      version: { increment: 1 },
      ...(request.stateBeforeHold === undefined ? {} : { stateBeforeHold: request.stateBeforeHold }),
    },
  });
  // Someone moved it between our read and our write.
  if (count === 0) throw conflict();
  await tx.orderEvent.create({
    data: {
      orderId: current.id,
      fromState: current.state,
      toState: to,
      actorId: request.actorId,
      reason: request.reason ?? null,
    },
  });
  return tx.order.findUniqueOrThrow({ where: { id: current.id } });
}

/** A trial went on hold: its open orders go ON_HOLD with it, remembering where they were. Their ids. */
export async function holdOrdersOfTrial(tx: Tx, trialId: string, actorId: string): Promise<string[]> {
  const open = await tx.order.findMany({ where: { trialId, state: { in: [...HOLDABLE_ORDER_STATES] } } });
  for (const order of open) {
    await setState(tx, order, 'ON_HOLD', { actorId, reason: 'Trial on hold', stateBeforeHold: order.state });
  }
  return open.map((order) => order.id);
}

/** A trial resumed: its held orders return to the state they had. Their ids. */
export async function releaseOrdersOfTrial(tx: Tx, trialId: string, actorId: string): Promise<string[]> {
  const held = await tx.order.findMany({ where: { trialId, state: 'ON_HOLD' } });
  for (const order of held) await releaseHeld(tx, order, actorId, 'Trial resumed');
  return held.map((order) => order.id);
}

/**
 * A trial was marked entered in error: its orders not yet at the pharmacy's bench are CANCELLED,
 * each with an event giving `reason`. The caller has refused the mark when any order reached the
 * bench (rules: checkTrialEnteredInError). Their ids.
 */
export async function cancelOrdersOfTrial(
  tx: Tx,
  trialId: string,
  actorId: string,
  reason: string,
): Promise<string[]> {
  const open = await tx.order.findMany({
    where: { trialId, state: { in: [...CANCELLED_WITH_TRIAL_STATES] } },
  });
  for (const order of open) {
    await setState(tx, order, 'CANCELLED', { actorId, reason, stateBeforeHold: null });
  }
  return open.map((order) => order.id);
}

/** Releases one held order back to its previous state; refused while its trial is still on hold. */
export async function releaseHeld(
  tx: Tx,
  order: Order,
  actorId: string,
  reason: string | null,
): Promise<Order> {
  if (order.state !== 'ON_HOLD' || order.stateBeforeHold === null) {
    throw invalidTransition(`An order that is ${order.state} is not on hold.`, order.state);
  }
  const trial = await tx.trial.findUniqueOrThrow({ where: { id: order.trialId }, select: { state: true } });
  if (trial.state === 'ON_HOLD') {
    throw invalidTransition(
      'The trial is still on hold: the order is released when the trial resumes.',
      order.state,
    );
  }
  return setState(tx, order, order.stateBeforeHold, { actorId, reason, stateBeforeHold: null });
}
