import type { PrismaClient } from '@ldn/db';
import { type IsoDate, refillDue, supplyRunsOutOn } from '@ldn/rules';
import { isoDateOf } from '../graphql/scalars.ts';

export type OrderAttentionCode = 'ORDER_REJECTED' | 'ORDER_ON_HOLD' | 'REFILL_RUNNING_OUT';

export interface OrderAttention {
  code: OrderAttentionCode;
  date: IsoDate;
  message: string;
  trialId: string;
  orderId: string;
}

/**
 * The clinic's orders needing attention as of `asOf`, for the worklist: per active trial, its
 * latest order when it was rejected, is on hold, or was dispensed and runs out within the refill
 * reminder window. Two queries, whatever the number of trials.
 */
export async function ordersNeedingAttention(
  prisma: PrismaClient,
  clinicId: string,
  asOf: IsoDate,
): Promise<OrderAttention[]> {
  const orders = await prisma.order.findMany({
    where: { clinicId, trial: { state: { not: 'DISCONTINUED' } }, state: { notIn: ['CANCELLED'] } },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    include: { lines: { select: { daysSupply: true } } },
  });
  const latestByTrial = new Map<string, (typeof orders)[number]>();
  for (const order of orders) if (!latestByTrial.has(order.trialId)) latestByTrial.set(order.trialId, order);

  const items: OrderAttention[] = [];
  for (const order of latestByTrial.values()) {
    const base = { trialId: order.trialId, orderId: order.id };
    if (order.state === 'REJECTED') {
      items.push({
        ...base,
        code: 'ORDER_REJECTED',
        date: isoDateOf(order.updatedAt),
        message: `The pharmacy rejected the order: ${order.rejectionReason ?? 'no reason given'}`,
      });
    } else if (order.state === 'ON_HOLD') {
      items.push({
        ...base,
        code: 'ORDER_ON_HOLD',
        date: isoDateOf(order.updatedAt),
        message: 'The order is on hold with its trial.',
      });
    } else if (order.state === 'DISPENSED' && order.dispensedOn !== null) {
      const dispensedOn = isoDateOf(order.dispensedOn);
      const daysSupply = order.lines.reduce((sum, line) => sum + line.daysSupply, 0);
      if (daysSupply > 0 && refillDue(dispensedOn, daysSupply, asOf)) {
        const runsOutOn = supplyRunsOutOn(dispensedOn, daysSupply);
        items.push({
          ...base,
          code: 'REFILL_RUNNING_OUT',
          date: runsOutOn,
          message: `The supply runs out on ${runsOutOn}: order a refill.`,
        });
      }
    }
  }
  return items;
}
