import type { Order, Prisma, Trial } from '@ldn/db';
import {
  checkOrderOverlap,
  firstNightOf,
  type IsoDate,
  type OrderDraft,
  type Override,
  type TrialOrderSupply,
} from '@ldn/rules';
import { isoDateOf } from '../graphql/scalars.ts';
import { enforceFindings, withRuleInput } from '../platform/rule-decisions.ts';
import { storeOverridesAndWarnings, trialPolicy } from '../trials/trial-change.ts';

type Tx = Prisma.TransactionClient;

const dayOrNull = (date: Date | null): IsoDate | null => (date === null ? null : isoDateOf(date));

/** The trial's orders as the rules' overlap check reads them, leaving out `exceptOrderId` (the draft edited). */
async function trialOrderSupplies(
  tx: Tx,
  trialId: string,
  exceptOrderId: string | null,
): Promise<TrialOrderSupply[]> {
  const orders = await tx.order.findMany({
    where: { trialId, ...(exceptOrderId === null ? {} : { id: { not: exceptOrderId } }) },
    select: { state: true, dispensedOn: true, lines: { select: { daysSupply: true, startsOn: true } } },
  });
  return orders.map((order) => ({
    state: order.state,
    dispensedOn: dayOrNull(order.dispensedOn),
    lines: order.lines.map((line) => ({ daysSupply: line.daysSupply, startsOn: dayOrNull(line.startsOn) })),
  }));
}

/**
 * The rules' overlap soft stops for an order of `trial` (an open order of the trial, or dispensed
 * supply still covering its first night): OVERRIDE_REQUIRED unless `overrides` gives each a reason
 * of the trial's policy length; returns the overrides to store with the order.
 */
export async function enforceNoOverlap(
  tx: Tx,
  trial: Trial,
  draft: OrderDraft,
  fromDate: IsoDate,
  overrides: readonly Override[],
  exceptOrderId: string | null,
): Promise<Override[]> {
  const orders = await trialOrderSupplies(tx, trial.id, exceptOrderId);
  const findings = withRuleInput('input.fromDate', () =>
    checkOrderOverlap({ startsOn: firstNightOf(draft.lines) ?? fromDate, orders }),
  );
  return enforceFindings(findings, overrides, trialPolicy(trial)).acceptedOverrides;
}

/** The overrides an order was written with, kept with the order and its trial (who and when). */
export function storeOrderOverrides(
  tx: Tx,
  by: { actorId: string; at: Date },
  order: Pick<Order, 'id' | 'trialId'>,
  action: 'ORDER_CREATE' | 'ORDER_EDIT',
  acceptedOverrides: Override[],
): Promise<void> {
  const decision = { acceptedOverrides, warnings: [] };
  return storeOverridesAndWarnings(tx, by, order.trialId, action, decision, order.id);
}
