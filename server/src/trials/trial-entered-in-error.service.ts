import type { Prisma } from '@ldn/db';
import { checkTrialEnteredInError } from '@ldn/rules';
import type { ClinicRepository } from '../access/clinic-repository.ts';
import { audit, auditEach } from '../audit/audit.ts';
import { assertCorrectable, enteredInErrorColumns } from '../corrections/record-correction.ts';
import type { Context } from '../graphql/context.ts';
import { cancelOrdersOfTrial } from '../orders/order-state.ts';
import { enforceFindings } from '../platform/rule-decisions.ts';
import { updateTrialAt } from './trial-change.ts';

/** The reason each cancelled order's event gives: the pharmacy sees why the order was withdrawn. */
const cancelledWithTrialReason = (reason: string) => `The trial was entered in error: ${reason}`;

/**
 * Marks a trial entered in error inside the caller's transaction (workflows.md, corrections): a
 * trial started by mistake is kept, struck through, with who, when and why, and counts nowhere.
 * Refused once it was marked (ENTERED_IN_ERROR), changed since `version` (CONFLICT), or when an
 * order reached the pharmacy's bench (RULE_VIOLATION TRIAL_HAS_SUPPLY: it happened, discontinue
 * it). Its other open orders are cancelled with it; an audit row for the trial and each order.
 */
export async function markTrialEnteredInErrorIn(
  tx: Prisma.TransactionClient,
  ctx: Context,
  scope: ClinicRepository,
  trialId: string,
  change: { version: number; reason: string },
): Promise<void> {
  const trial = await scope.trial(trialId, tx);
  assertCorrectable(trial, change.version);
  const orders = await tx.order.findMany({
    where: { trialId: trial.id },
    select: { state: true, stateBeforeHold: true },
  });
  enforceFindings(checkTrialEnteredInError(orders));
  const actorId = scope.viewer.userId;
  await updateTrialAt(tx, trial, enteredInErrorColumns(ctx, actorId, change.reason));
  // Each cancellation is conditional on the order's state and version: a pharmacy starting to
  // compound it meanwhile makes this CONFLICT, and the whole mark rolls back.
  const cancelled = await cancelOrdersOfTrial(tx, trial.id, actorId, cancelledWithTrialReason(change.reason));
  await audit(tx, ctx, 'ENTERED_IN_ERROR', 'Trial', trial.id);
  await auditEach(tx, ctx, 'CANCEL', 'Order', cancelled);
}
