import type { Prisma } from '@ldn/db';
import { compareDates } from '@ldn/rules';
import type { ClinicRepository } from '../access/clinic-repository.ts';
import type { Context } from '../graphql/context.ts';
import { isoDateOf } from '../graphql/scalars.ts';
import { badInput, invalidTransition } from '../platform/errors.ts';
import { openTrial } from './trial-change.ts';
import { readTrialEvents, trialStatusOf } from './trial-events.ts';
import type { HoldTrialInput, ResumeTrialInput } from './trial-hold.input.ts';
import { putTrialOnHold, resumeTrialFromHold } from './trial-holds.ts';

/** Puts a trial on hold through trial-holds.ts, the one place holds happen. */
export async function holdTrialIn(
  tx: Prisma.TransactionClient,
  ctx: Context,
  scope: ClinicRepository,
  trialId: string,
  input: HoldTrialInput,
): Promise<void> {
  const trial = await openTrial(scope, tx, trialId);
  if (trial.state === 'ON_HOLD') throw invalidTransition('The trial is already on hold.', trial.state);
  if (compareDates(input.heldOn, isoDateOf(trial.startDate)) < 0) {
    throw badInput('heldOn', 'A hold begins on or after the start of the trial.');
  }
  await putTrialOnHold(tx, ctx, trial, { ...input, actorId: scope.viewer.userId });
}

/**
 * Ends the open hold through trial-holds.ts; the rules then check the history still holds
 * together (a resumption before its hold began → BAD_USER_INPUT on resumedOn).
 */
export async function resumeTrialIn(
  tx: Prisma.TransactionClient,
  ctx: Context,
  scope: ClinicRepository,
  trialId: string,
  input: ResumeTrialInput,
): Promise<void> {
  const trial = await openTrial(scope, tx, trialId);
  const resumedTo = await resumeTrialFromHold(tx, ctx, trial, { ...input, actorId: scope.viewer.userId });
  if (resumedTo === null) throw invalidTransition('The trial is not on hold.', trial.state);
  trialStatusOf(trial, await readTrialEvents(tx, trial.id), ctx.clock.today(), 'resumedOn');
}
