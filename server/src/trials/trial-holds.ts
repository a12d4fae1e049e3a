import type { HoldReason, Prisma, Trial } from '@ldn/db';
import { isTrialActive, type TrialState } from '@ldn/rules';
import { type AuditContext, audit, auditEach } from '../audit/audit.ts';
import { dbDate } from '../graphql/scalars.ts';
import { holdOrdersOfTrial, releaseOrdersOfTrial } from '../orders/order-state.ts';
import { conflict } from '../platform/errors.ts';

export interface HoldInput {
  heldOn: string;
  reason: HoldReason;
  note?: string | null;
  actorId: string;
}

/** True while a trial is active (started, not discontinued, not entered in error), on hold or not. */
export function isActiveTrial(trial: Pick<Trial, 'state' | 'enteredInErrorAt'>): boolean {
  return isTrialActive({ state: trial.state, enteredInError: trial.enteredInErrorAt !== null });
}

/**
 * Puts a trial ON_HOLD inside the caller's transaction: the hold is recorded with the state to
 * return to, and the trial's version moves on. The one place a hold happens (holdTrial, and an
 * opioid recorded during a trial, clinical-rules §3), so later holds of the trial's open orders
 * join here too, and so does the audit: a HOLD row for the trial and one for each order held.
 */
export async function putTrialOnHold(
  tx: Prisma.TransactionClient,
  ctx: AuditContext,
  trial: Trial,
  input: HoldInput,
): Promise<void> {
  if (trial.state === 'ON_HOLD') return;
  await tx.trialHold.create({
    data: {
      trialId: trial.id,
      heldOn: dbDate(input.heldOn),
      reason: input.reason,
      note: input.note ?? null,
      stateBefore: trial.state,
      heldById: input.actorId,
    },
  });
  await moveTrial(tx, trial, { state: 'ON_HOLD' });
  // §3 and workflows.md: the trial's open orders are held with it, in the same transaction.
  const heldOrderIds = await holdOrdersOfTrial(tx, trial.id, input.actorId);
  await audit(tx, ctx, 'HOLD', 'Trial', trial.id);
  await auditEach(tx, ctx, 'HOLD', 'Order', heldOrderIds);
}

/**
 * The open hold of a trial ends: the trial returns to the state it had (derived states recompute
 * on read) and its held orders with it; a RESUME row for the trial and a RELEASE row per order.
 */
export async function resumeTrialFromHold(
  tx: Prisma.TransactionClient,
  ctx: AuditContext,
  trial: Trial,
  input: { resumedOn: string; actorId: string },
): Promise<TrialState | null> {
  const hold = await tx.trialHold.findFirst({
    where: { trialId: trial.id, resumedOn: null },
    orderBy: { heldOn: 'desc' },
  });
  if (hold === null) return null;
  await tx.trialHold.update({
    where: { id: hold.id },
    data: { resumedOn: dbDate(input.resumedOn), resumedById: input.actorId },
  });
  await moveTrial(tx, trial, { state: hold.stateBefore });
  const releasedOrderIds = await releaseOrdersOfTrial(tx, trial.id, input.actorId);
  await audit(tx, ctx, 'RESUME', 'Trial', trial.id);
  await auditEach(tx, ctx, 'RELEASE', 'Order', releasedOrderIds);
  return hold.stateBefore;
}

/**
 * Moves the trial on only if it is still at the version the caller read (workflows.md: a stale
 * update is refused, not silently applied); CONFLICT otherwise, which rolls the transaction back.
 */
async function moveTrial(
  tx: Prisma.TransactionClient,
  trial: Trial,
  data: { state: TrialState },
): Promise<void> {
  const { count } = await tx.trial.updateMany({
    where: { id: trial.id, version: trial.version },
    data: { ...data, version: { increment: 1 } },
  });
  if (count === 0) throw conflict();
}
