import type { OrderState } from '@ldn/db';

/** Who moves an order: the clinic that wrote it, or the pharmacy it is addressed to. */
export type OrderSide = 'CLINIC' | 'PHARMACY';

/**
 * workflows.md's order lifecycle as data: each transition, the states it may leave from, the state
 * it reaches and who may make it. A transition from any other state is refused.
 */
export const ORDER_TRANSITIONS = {
  submit: { from: ['DRAFT'], to: 'SUBMITTED', side: 'CLINIC' },
  cancel: { from: ['DRAFT', 'SUBMITTED', 'RECEIVED'], to: 'CANCELLED', side: 'CLINIC' },
  acknowledge: { from: ['SUBMITTED'], to: 'RECEIVED', side: 'PHARMACY' },
  startCompounding: { from: ['RECEIVED'], to: 'COMPOUNDING', side: 'PHARMACY' },
  markReady: { from: ['COMPOUNDING'], to: 'READY', side: 'PHARMACY' },
  dispense: { from: ['READY'], to: 'DISPENSED', side: 'PHARMACY' },
  reject: { from: ['SUBMITTED', 'RECEIVED'], to: 'REJECTED', side: 'PHARMACY' },
} as const satisfies Record<string, { from: readonly OrderState[]; to: OrderState; side: OrderSide }>;

export type OrderTransition = keyof typeof ORDER_TRANSITIONS;

/** The states an order leaves for ON_HOLD when its trial goes on hold (open, not yet dispensed). */
export const HOLDABLE_ORDER_STATES: readonly OrderState[] = [
  'DRAFT',
  'SUBMITTED',
  'RECEIVED',
  'COMPOUNDING',
  'READY',
];

/**
 * The states an order leaves for CANCELLED when its trial is marked entered in error: not yet at the
 * pharmacy's bench (a trial with an order there is discontinued instead: TRIAL_HAS_SUPPLY). A held
 * order is cancelled only when it was held from one of these (the rules check that first).
 */
export const CANCELLED_WITH_TRIAL_STATES: readonly OrderState[] = [
  'DRAFT',
  'SUBMITTED',
  'RECEIVED',
  'ON_HOLD',
];

export function canLeave(transition: OrderTransition, state: OrderState): boolean {
  return (ORDER_TRANSITIONS[transition].from as readonly OrderState[]).includes(state);
}
