import type { Patient, Prisma } from '@ldn/db';
import { type ClassifiedMedication, checkOpioidRecordedDuringTrial, type RuleFinding } from '@ldn/rules';
import type { ClinicRepository } from '../access/clinic-repository.ts';
import type { Context } from '../graphql/context.ts';
import { isActiveTrial, putTrialOnHold } from '../trials/trial-holds.ts';
import type { TrialPutOnHoldType } from './medication.types.ts';

/**
 * Clinical-rules §3: an opioid recorded while the patient has an active LDN trial puts the trial
 * ON_HOLD, in the caller's transaction, and tells the prescriber that LDN blocks its analgesia.
 * A trial already on hold stays as it is (still active, so the finding is still given).
 */
export async function holdTrialsForOpioid(
  tx: Prisma.TransactionClient,
  ctx: Pick<Context, 'viewer' | 'requestId' | 'clock'>,
  scope: ClinicRepository,
  patient: Patient,
  medication: ClassifiedMedication,
): Promise<{ findings: RuleFinding[]; trialsPutOnHold: TrialPutOnHoldType[] }> {
  const trials = await tx.trial.findMany({ where: { ...scope.trialWhere, patientId: patient.id } });
  const activeTrials = trials.filter(isActiveTrial);
  const decision = checkOpioidRecordedDuringTrial({ drug: medication, trialActive: activeTrials.length > 0 });
  if (!decision.holdTrial) return { findings: decision.findings, trialsPutOnHold: [] };
  const heldOn = ctx.clock.today();
  const trialsPutOnHold: TrialPutOnHoldType[] = [];
  for (const trial of activeTrials.filter((active) => active.state !== 'ON_HOLD')) {
    await putTrialOnHold(tx, ctx, trial, {
      heldOn,
      reason: 'OPIOID_STARTED',
      note: `Opioid recorded: ${medication.drug}.`,
      actorId: scope.viewer.userId,
    });
    trialsPutOnHold.push({ id: trial.id, heldOn });
  }
  return { findings: decision.findings, trialsPutOnHold };
}
