import type { OrderState, PrismaClient } from '@ldn/db';
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

/**
 * Every DRAFT order of the clinic, oldest first: a draft waits for a clinician's signature
 * (workflows.md: a coordinator's draft goes to the clinician's inbox). One query, however many.
 */
export async function draftsAwaitingSignature(
  prisma: PrismaClient,
  clinicId: string,
): Promise<DraftAwaitingSignature[]> {
  const drafts = await prisma.order.findMany({
    where: { clinicId, state: 'DRAFT' },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { id: true, trialId: true, createdById: true, createdAt: true },
  });
  return drafts.map((draft) => ({
    code: 'ORDER_AWAITING_SIGNATURE' as const,
    date: isoDateOf(draft.createdAt),
    message: 'A draft order awaits a clinician’s signature.',
    trialId: draft.trialId,
    orderId: draft.id,
    preparedById: draft.createdById,
    preparedAt: draft.createdAt,
  }));
}

/** A trial's latest order that was not cancelled, with the days of supply of its lines. */
interface LatestOrder {
  id: string;
  trialId: string;
  state: OrderState;
  updatedAt: Date;
  rejectionReason: string | null;
  dispensedOn: Date | null;
  daysSupply: number;
}

/**
 * The clinic's orders needing attention as of `asOf`, for the worklist: per active trial, its
 * latest order when it was rejected, is on hold, or was dispensed and runs out within the refill
 * reminder window. One statement, whatever the number of trials: the latest order of each trial
 * by an index (Order trialId, createdAt desc), lines summed only for the orders it returns, and
 * the clinic on both tables, so no other clinic's rows are read (issue #16).
 */
export async function ordersNeedingAttention(
  prisma: PrismaClient,
  clinicId: string,
  asOf: IsoDate,
): Promise<OrderAttention[]> {
  // Trials that count: not ended, not entered in error (workflows.md, corrections).
  const orders = await prisma.$queryRaw<LatestOrder[]>`
    SELECT o.id, o."trialId", o.state::text AS state, o."updatedAt", o."rejectionReason", o."dispensedOn",
           (SELECT COALESCE(sum(l."daysSupply"), 0)::int FROM "OrderLine" l WHERE l."orderId" = o.id) AS "daysSupply"
    FROM "Trial" t
    CROSS JOIN LATERAL (
      SELECT o.id, o."trialId", o.state, o."updatedAt", o."rejectionReason", o."dispensedOn"
      FROM "Order" o
      WHERE o."trialId" = t.id AND o."clinicId" = ${clinicId}::uuid AND o.state <> 'CANCELLED'
      ORDER BY o."createdAt" DESC, o.id DESC
      LIMIT 1
    ) o
    WHERE t."clinicId" = ${clinicId}::uuid AND t.state <> 'DISCONTINUED' AND t."endedOn" IS NULL
      AND t."enteredInErrorAt" IS NULL AND o.state IN ('REJECTED', 'ON_HOLD', 'DISPENSED')`;
  return orders.flatMap((order) => attentionOf(order, asOf));
}

/** What the worklist says of a trial's latest order, if anything. */
function attentionOf(order: LatestOrder, asOf: IsoDate): OrderAttention[] {
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
