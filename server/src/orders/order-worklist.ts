import type { OrderState } from '@ldn/db';
import { type IsoDate, refillDue, supplyRunsOutOn } from '@ldn/rules';
import { isoDateOf } from '../graphql/scalars.ts';

export type OrderAttentionCode =
  | 'ORDER_REJECTED'
  | 'ORDER_ON_HOLD'
  | 'REFILL_RUNNING_OUT'
  | 'ORDER_AWAITING_SIGNATURE';

export interface OrderAttention {
  code: OrderAttentionCode;
  date: IsoDate;
  message: string;
  trialId: string;
  orderId: string;
}

/** A draft waiting for a clinician's signature, with who prepared it and when. */
export interface DraftAwaitingSignature extends OrderAttention {
  code: 'ORDER_AWAITING_SIGNATURE';
  preparedById: string;
  preparedAt: Date;
}

/** A DRAFT order of the clinic, as the worklist reads it (trials/worklist-data.ts). */
export interface DraftRow {
  id: string;
  trialId: string;
  createdById: string;
  createdAt: Date;
}

/** A draft waits for a clinician's signature (workflows.md: a coordinator's draft goes to the clinician's inbox). */
export function draftAwaitingSignature(draft: DraftRow): DraftAwaitingSignature {
  return {
    code: 'ORDER_AWAITING_SIGNATURE',
    date: isoDateOf(draft.createdAt),
    message: 'A draft order awaits a clinician’s signature.',
    trialId: draft.trialId,
    orderId: draft.id,
    preparedById: draft.createdById,
    preparedAt: draft.createdAt,
  };
}

/**
 * A trial's latest order that was not cancelled, with the days of supply of its lines (read with
 * the worklist's data, by the index on Order trialId, createdAt desc: trials/worklist-data.ts).
 */
export interface LatestOrder {
  id: string;
  trialId: string;
  state: OrderState;
  updatedAt: Date;
  rejectionReason: string | null;
  dispensedOn: Date | null;
  daysSupply: number;
}

/**
 * What the worklist says of an active trial's latest order as of `asOf`, if anything: it was
 * rejected, is on hold, or was dispensed and runs out within the refill reminder window.
 */
export function orderAttentionOf(order: LatestOrder, asOf: IsoDate): OrderAttention[] {
  const base = { trialId: order.trialId, orderId: order.id };
  if (order.state === 'REJECTED') {
    return [
      {
        ...base,
        code: 'ORDER_REJECTED',
        date: isoDateOf(order.updatedAt),
        message: `The pharmacy rejected the order: ${order.rejectionReason ?? 'no reason given'}`,
      },
    ];
  }
  if (order.state === 'ON_HOLD') {
    return [
      {
        ...base,
        code: 'ORDER_ON_HOLD',
        date: isoDateOf(order.updatedAt),
        message: 'The order is on hold with its trial.',
      },
    ];
  }
  if (order.state !== 'DISPENSED' || order.dispensedOn === null || order.daysSupply <= 0) return [];
  const dispensedOn = isoDateOf(order.dispensedOn);
  if (!refillDue(dispensedOn, order.daysSupply, asOf)) return [];
  const runsOutOn = supplyRunsOutOn(dispensedOn, order.daysSupply);
  return [
    {
      ...base,
      code: 'REFILL_RUNNING_OUT',
      date: runsOutOn,
      message: `The supply runs out on ${runsOutOn}: order a refill.`,
    },
  ];
}
