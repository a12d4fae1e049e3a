import type { Prisma } from '@ldn/db';
import { compareDates } from '@ldn/rules';
import type { ClinicRepository } from '../access/clinic-repository.ts';
import { audit } from '../audit/audit.ts';
import type { Context } from '../graphql/context.ts';
import { dbDate, isoDateOf } from '../graphql/scalars.ts';
import { badInput } from '../platform/errors.ts';
import type { AdverseEffectInput } from './adverse-effect.input.ts';
import { countedTrial } from './trial-change.ts';

/**
 * Records an adverse effect of a trial (§6), also after it ended (an effect may be reported late).
 * It does not hold or end the trial by itself: the clinician decides that with holdTrial or
 * discontinueTrial.
 */
export async function recordAdverseEffectIn(
  tx: Prisma.TransactionClient,
  ctx: Context,
  scope: ClinicRepository,
  trialId: string,
  input: AdverseEffectInput,
): Promise<void> {
  const trial = await countedTrial(scope, tx, trialId);
  const description = input.description?.trim() ?? '';
  if (input.kind === 'OTHER' && description === '') {
    throw badInput('description', 'Describe the adverse effect.');
  }
  if (compareDates(input.onsetOn, isoDateOf(trial.startDate)) < 0) {
    throw badInput('onsetOn', 'An adverse effect of the trial begins on or after its start.');
  }
  await tx.adverseEffect.create({
    data: {
      trialId: trial.id,
      kind: input.kind,
      description: description === '' ? null : description,
      onsetOn: dbDate(input.onsetOn),
      severity: input.severity,
      action: input.action,
      recordedById: scope.viewer.userId,
    },
  });
  await audit(tx, ctx, 'ADVERSE_EFFECT', 'Trial', trial.id);
}
