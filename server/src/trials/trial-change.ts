import type { Prisma, Trial } from '@ldn/db';
import type { ClinicPolicy, Override, RuleFinding } from '@ldn/rules';
import type { ClinicRepository } from '../access/clinic-repository.ts';
import { assertCorrectable } from '../corrections/record-correction.ts';
import type { Context } from '../graphql/context.ts';
import { conflict, invalidTransition } from '../platform/errors.ts';
import { policyFromJson } from './clinic-policy.ts';
import { TrialType, trialOf } from './trial.type.ts';

// What every change of a trial shares: find it in the clinic, refuse it when it has ended or was
// changed by someone else, store overrides and warnings with who and when, return the trial.

/**
 * A trial of the clinic, read in the change's transaction, that was not entered in error: nothing
 * more is recorded on a trial that never happened (INVALID_TRANSITION, state ENTERED_IN_ERROR).
 */
export async function countedTrial(
  scope: ClinicRepository,
  tx: Prisma.TransactionClient,
  trialId: string,
): Promise<Trial> {
  const trial = await scope.trial(trialId, tx);
  assertCorrectable(trial);
  return trial;
}

/** A trial of the clinic, read in the change's transaction, not entered in error, that has not ended. */
export async function openTrial(
  scope: ClinicRepository,
  tx: Prisma.TransactionClient,
  trialId: string,
  expectedVersion?: number | null,
): Promise<Trial> {
  const trial = await countedTrial(scope, tx, trialId);
  if (trial.state === 'DISCONTINUED' || trial.endedOn !== null) {
    throw invalidTransition('This trial has ended; it cannot be changed any more.', trial.state);
  }
  if (expectedVersion !== undefined && expectedVersion !== null && expectedVersion !== trial.version) {
    throw conflict();
  }
  return trial;
}

/** Refuses a change that needs treatment running (a dose change) while the trial is on hold. */
export function requireNotOnHold(trial: Trial, what: string): void {
  if (trial.state === 'ON_HOLD')
    throw invalidTransition(`The trial is on hold: resume it before ${what}.`, trial.state);
}

/**
 * Applies `data` and moves the version on, only if the trial is still at the version read in this
 * transaction (style.md: conditional state changes); CONFLICT rolls the whole change back.
 */
export async function updateTrialAt(
  tx: Prisma.TransactionClient,
  trial: Trial,
  data: Prisma.TrialUpdateManyMutationInput,
): Promise<Trial> {
  const { count } = await tx.trial.updateMany({
    where: { id: trial.id, version: trial.version },
    data: { ...data, version: { increment: 1 } },
  });
  if (count === 0) throw conflict();
  return tx.trial.findUniqueOrThrow({ where: { id: trial.id } });
}

/** The policy the trial started under: its later decisions (overrides, response classes) use it too. */
export const trialPolicy = (trial: Trial): ClinicPolicy => policyFromJson(trial.policy);

/**
 * The accepted overrides and the warnings of an action, stored with the trial (who and when), and
 * with the order the action wrote, when it wrote one.
 */
export async function storeOverridesAndWarnings(
  tx: Prisma.TransactionClient,
  by: { actorId: string; at: Date },
  trialId: string,
  action: string,
  decision: { acceptedOverrides: Override[]; warnings: RuleFinding[] },
  orderId: string | null = null,
): Promise<void> {
  if (decision.acceptedOverrides.length > 0) {
    await tx.override.createMany({
      data: decision.acceptedOverrides.map(({ code, reason }) => ({
        trialId,
        orderId,
        action,
        code,
        reason: reason.trim(),
        givenById: by.actorId,
        givenAt: by.at,
      })),
    });
  }
  if (decision.warnings.length > 0) {
    await tx.trialWarning.createMany({
      data: decision.warnings.map(({ code, message, evidence }) => ({
        trialId,
        action,
        code,
        message,
        evidence,
      })),
    });
  }
}

/** The trial after a change, as the mutation returns it (derived fields as of today). */
export async function changedTrial(
  ctx: Context,
  scope: ClinicRepository,
  trialId: string,
): Promise<TrialType> {
  return trialOf(await scope.trial(trialId), ctx.clock.today());
}

/** Runs one change of a trial in one transaction (all or nothing), then returns the trial. */
export async function changeTrial(
  ctx: Context,
  scope: ClinicRepository,
  trialId: string,
  change: (tx: Prisma.TransactionClient) => Promise<void>,
): Promise<TrialType> {
  await scope.transaction(change);
  return changedTrial(ctx, scope, trialId);
}
