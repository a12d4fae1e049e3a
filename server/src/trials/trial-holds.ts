import type { HoldReason, Prisma, Trial } from '@ldn/db';
import { ACTIVE_TRIAL_STATES, type TrialState } from '@ldn/rules';
import { dbDate } from '../graphql/scalars.ts';

export interface HoldInput {
  heldOn: string;
  reason: HoldReason;
  note?: string | null;
  actorId: string;
}

/** True while a trial is active (started, not discontinued), whether or not it is on hold. */
export function isActiveTrial(trial: Pick<Trial, 'state'>): boolean {
  return (ACTIVE_TRIAL_STATES as readonly string[]).includes(trial.state);
}

/**
 * Puts a trial ON_HOLD inside the caller's transaction: the hold is recorded with the state to
 * return to, and the trial's version moves on. The one place a hold happens (holdTrial, and an
 * opioid recorded during a trial, clinical-rules §3), so later holds of the trial's open orders
 * join here too.
 */
export async function putTrialOnHold(
  tx: Prisma.TransactionClient,
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
  await tx.trial.update({ where: { id: trial.id }, data: { state: 'ON_HOLD', version: { increment: 1 } } });
}

/** The open hold of a trial ends: the trial returns to the state it had (derived states recompute on read). */
export async function resumeTrialFromHold(
  tx: Prisma.TransactionClient,
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
  await tx.trial.update({
    where: { id: trial.id },
    data: { state: hold.stateBefore, version: { increment: 1 } },
  });
  return hold.stateBefore;
}
