import type { Patient, Prisma, PrismaClient } from '@ldn/db';
import {
  checkTrialStart,
  deriveTrialStatus,
  type StartRecords,
  type TrialStartResult,
  trialStartInputOf,
} from '@ldn/rules';
import type { ClinicRepository } from '../access/clinic-repository.ts';
import { audit } from '../audit/audit.ts';
import type { Context } from '../graphql/context.ts';
import { dbDate, isoDateOf } from '../graphql/scalars.ts';
import { COUNTED } from '../patients/medication-records.ts';
import { conflict } from '../platform/errors.ts';
import { enforceFindings, withRuleInput } from '../platform/rule-decisions.ts';
import { policyJson, policyOfClinic } from './clinic-policy.ts';
import { storeOverridesAndWarnings } from './trial-change.ts';
import { overridesOf, type TrialStartInput } from './trial-start.input.ts';

type Client = PrismaClient | Prisma.TransactionClient;

export interface StartCheck {
  patient: Patient;
  result: TrialStartResult;
}

/**
 * Gathers what a start is checked against — prior therapies, active medications, the latest
 * attestation and last opioid dose, pain scores, consent, the clinic policy — and runs the rules
 * package's checkTrialStart on it. The same check for the preview and, in its transaction, the start.
 */
export async function checkStartOf(
  client: Client,
  scope: ClinicRepository,
  patientId: string,
  input: TrialStartInput,
): Promise<StartCheck> {
  const patient = await scope.patient(patientId, client);
  const where = { patientId: patient.id };
  // Entered-in-error records count nowhere (workflows.md).
  const priorTherapies = await client.priorTherapy.findMany({
    where: { ...where, ...COUNTED },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  const medications = await client.medication.findMany({ where: { ...where, ...COUNTED } });
  const attestation = await client.opioidFreeAttestation.findFirst({
    where,
    orderBy: [{ attestedOn: 'desc' }, { createdAt: 'desc' }],
  });
  const consents = await client.consent.findMany({
    where,
    orderBy: [{ recordedOn: 'desc' }, { createdAt: 'desc' }],
  });
  const painScores = await client.symptomScore.findMany({
    where: { ...where, measure: 'PAIN_NRS', ...COUNTED },
  });
  const policy = await policyOfClinic(client, scope.clinicId);

  const records: StartRecords = {
    priorTherapies,
    medications: medications.map(({ drug, stoppedOn, isOpioid }) => ({
      drug,
      stoppedOn: stoppedOn === null ? null : isoDateOf(stoppedOn),
      isOpioid,
    })),
    attestation:
      attestation === null
        ? null
        : {
            attestedOn: isoDateOf(attestation.attestedOn),
            lastOpioidDrug: attestation.lastOpioidDrug,
            lastOpioidDoseOn:
              attestation.lastOpioidDoseOn === null ? null : isoDateOf(attestation.lastOpioidDoseOn),
          },
    consents: consents.map((c) => ({ recordedOn: isoDateOf(c.recordedOn), points: c.points })),
    painScores: painScores.map((s) => ({ date: isoDateOf(s.scoredOn), score: s.score })),
  };
  const choice = {
    condition: input.condition,
    startDate: input.startDate,
    firstDoseMg: input.firstDoseMg,
    overrides: overridesOf(input.overrides),
  };
  const result = withRuleInput('input', () =>
    checkTrialStart(trialStartInputOf(records, choice, policy), policy),
  );
  return { patient, result };
}

/**
 * The start check outside a transaction, for the preview (trialStartCheck), on the repository's
 * own client: this module is its query module (decorated input types keep it out of access/).
 */
export function previewTrialStart(
  scope: ClinicRepository,
  patientId: string,
  input: TrialStartInput,
): Promise<StartCheck> {
  return scope.read((client) => checkStartOf(client, scope, patientId, input));
}

/**
 * The patient's trial that has not ended, if any, read under a lock on the patient's trials: two
 * starts (or a start and a reopening, trial-record-corrections.ts) for one patient at once cannot
 * both see none; the second waits here, then sees the first's trial. `except`: the trial reopening.
 */
export async function lockedTrialNotEnded(
  tx: Prisma.TransactionClient,
  scope: ClinicRepository,
  patientId: string,
  except?: string,
) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`trial-start:${patientId}`}))`;
  return tx.trial.findFirst({
    where: {
      ...scope.trialWhere,
      patientId,
      state: { not: 'DISCONTINUED' },
      ...(except === undefined ? {} : { id: { not: except } }),
    },
  });
}

/**
 * Starts a trial inside the caller's transaction and returns its id: a patient has at most one
 * trial that has not ended (CONFLICT), the start check must allow it (enforceFindings), and the
 * baseline, the policy, the overrides and the warnings are stored with it.
 */
export async function startTrialIn(
  tx: Prisma.TransactionClient,
  ctx: Context,
  scope: ClinicRepository,
  patientId: string,
  input: TrialStartInput,
): Promise<string> {
  const patient = await scope.patient(patientId, tx);
  const current = await lockedTrialNotEnded(tx, scope, patient.id);
  if (current !== null) throw conflict('This patient already has a trial that has not ended.');
  const { result } = await checkStartOf(tx, scope, patient.id, input);
  const decision = enforceFindings(result.findings, overridesOf(input.overrides), result.policy);
  // BASELINE_MISSING is a hard stop, so enforceFindings has refused a start without a baseline.
  const baseline = result.baseline ?? { date: input.startDate, score: 0 };
  const trial = await tx.trial.create({
    data: {
      patientId: patient.id,
      clinicId: scope.clinicId,
      prescriberId: scope.viewer.userId,
      condition: input.condition,
      state: deriveTrialStatus({ startDate: input.startDate, readyToStart: true, asOf: ctx.clock.today() })
        .state,
      startDate: dbDate(input.startDate),
      startDoseMg: input.firstDoseMg,
      baselineScore: baseline.score,
      baselineScoredOn: dbDate(baseline.date),
      policy: policyJson(result.policy),
    },
  });
  const by = { actorId: scope.viewer.userId, at: ctx.clock.now() };
  await storeOverridesAndWarnings(tx, by, trial.id, 'TRIAL_START', decision);
  await audit(tx, ctx, 'CREATE', 'Trial', trial.id);
  return trial.id;
}
