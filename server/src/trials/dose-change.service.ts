import type { Prisma, Trial } from '@ldn/db';
import { checkDose, checkDoseChange, compareDates, type DatedDose, MAXIMUM_DOSE_MG } from '@ldn/rules';
import type { ClinicRepository } from '../access/clinic-repository.ts';
import { audit } from '../audit/audit.ts';
import type { Context } from '../graphql/context.ts';
import { dbDate, isoDateOf } from '../graphql/scalars.ts';
import { badInput } from '../platform/errors.ts';
import { enforceFindings, withRuleInput } from '../platform/rule-decisions.ts';
import type { DoseChangeInput, MaintenanceDoseInput } from './dose-change.input.ts';
import {
  openTrial,
  requireNotOnHold,
  storeOverridesAndWarnings,
  trialPolicy,
  updateTrialAt,
} from './trial-change.ts';
import { dosesOf, readTrialEvents, titrationPlanOf, trialStatusOf } from './trial-events.ts';
import { overridesOf } from './trial-start.input.ts';

/** The dose taken before a new change: the latest recorded change, else the start dose. */
const previousDoseOf = (trial: Trial, doses: DatedDose[]): DatedDose =>
  doses.at(-1) ?? { date: isoDateOf(trial.startDate), doseMg: trial.startDoseMg.toNumber() };

/**
 * Records a dose change in the caller's transaction (§4): checkDoseChange against the previous
 * dose (hard stops refuse, TITRATION_TOO_FAST needs a reason), the new history must still make a
 * plan (a second change on one day does not), then the trial moves on at the version read.
 */
export async function changeDoseIn(
  tx: Prisma.TransactionClient,
  ctx: Context,
  scope: ClinicRepository,
  trialId: string,
  input: DoseChangeInput,
): Promise<void> {
  const trial = await openTrial(scope, tx, trialId, input.expectedVersion);
  requireNotOnHold(trial, 'changing the dose');
  const events = await readTrialEvents(tx, trial.id);
  const doses = dosesOf(events.doseChanges);
  const next = { date: input.changedOn, doseMg: input.doseMg };
  const findings = withRuleInput('changedOn', () => checkDoseChange(previousDoseOf(trial, doses), next));
  const decision = enforceFindings(findings, overridesOf(input.overrides), trialPolicy(trial));
  titrationPlanOf(trial, [...doses, next], 'changedOn');
  const change = await tx.doseChange.create({
    data: {
      trialId: trial.id,
      changedOn: dbDate(input.changedOn),
      doseMg: input.doseMg,
      note: input.note ?? null,
      prescribedById: scope.viewer.userId,
    },
  });
  const after = { ...events, doseChanges: [...events.doseChanges, change] };
  await updateTrialAt(tx, trial, {
    state: trialStatusOf(trial, after, ctx.clock.today(), 'changedOn').state,
  });
  await storeOverridesAndWarnings(
    tx,
    { actorId: scope.viewer.userId, at: ctx.clock.now() },
    trial.id,
    'DOSE_CHANGE',
    decision,
  );
  await audit(tx, ctx, 'DOSE_CHANGE', 'Trial', trial.id);
}

/**
 * Declares a maintenance dose (§4): it must pass checkDose (hard stops → RULE_VIOLATION) and be
 * below the 4.5 mg target; the plan and the assessment window then count from when it began.
 */
export async function declareMaintenanceDoseIn(
  tx: Prisma.TransactionClient,
  ctx: Context,
  scope: ClinicRepository,
  trialId: string,
  input: MaintenanceDoseInput,
): Promise<void> {
  const trial = await openTrial(scope, tx, trialId);
  enforceFindings(checkDose(input.doseMg));
  if (input.doseMg >= MAXIMUM_DOSE_MG) {
    throw badInput('doseMg', `A maintenance dose is below the ${MAXIMUM_DOSE_MG} mg target.`);
  }
  if (compareDates(input.declaredOn, isoDateOf(trial.startDate)) < 0) {
    throw badInput('declaredOn', 'A maintenance dose is declared on or after the start of the trial.');
  }
  const updated = await updateTrialAt(tx, trial, {
    maintenanceDoseMg: input.doseMg,
    maintenanceDeclaredOn: dbDate(input.declaredOn),
  });
  const events = await readTrialEvents(tx, trial.id);
  titrationPlanOf(updated, dosesOf(events.doseChanges), 'doseMg');
  const derived = trialStatusOf(updated, events, ctx.clock.today(), 'declaredOn').state;
  // A hold stays until resumed (trial-holds.ts); otherwise the state the new target leaves.
  await tx.trial.update({
    where: { id: trial.id },
    data: { state: trial.state === 'ON_HOLD' ? 'ON_HOLD' : derived },
  });
  await audit(tx, ctx, 'MAINTENANCE_DOSE', 'Trial', trial.id);
}
