import { randomBytes } from 'node:crypto';
import {
  medicationDrugColumns,
  type Patient,
  type PrismaClient,
  priorTherapyDrugColumns,
  type Trial,
  type TrialState,
} from '@ldn/db';
import { addDays, CONSENT_POINT_CODES } from '@ldn/rules';
import { dbDate } from '../graphql/scalars.ts';

import type { ApiError } from '../test/builders.ts';

// Test builders of the trial domain. Patient-side records (histories, attestations, consents,
// scores) are made straight in the database: their API belongs to the patients module.

const unique = () => randomBytes(4).toString('hex');

/** The dates of clinical-rules §9: start 03-01 → 3.0 mg 03-15, 4.5 mg 03-29, window 04-26 … 05-24. */
export const START = '2026-03-01';

export interface ReadyPatientOptions {
  /** Failed TCA and anticonvulsant lines (enough for every condition but MS and fibromyalgia). */
  priorLines?: boolean;
  /** The attestation date, and the last opioid dose it records. */
  attestation?: { attestedOn: string; lastOpioidDrug?: string; lastOpioidDoseOn?: string } | null;
  consent?: 'complete' | 'partial' | null;
  /** Pain NRS scores by date; the default is a baseline of 7 on 02-25. */
  painScores?: Record<string, number>;
  activeMedications?: string[];
}

/** A patient of the clinic with everything a 2026-03-01 start needs, unless told otherwise. */
export async function aPatientReadyToStart(
  prisma: PrismaClient,
  clinicId: string,
  recordedById: string,
  options: ReadyPatientOptions = {},
): Promise<Patient> {
  const patient = await prisma.patient.create({
    data: {
      clinicId,
      mrn: `MRN-${unique()}`,
      givenName: `Given${unique()}`,
      familyName: `Family${unique()}`,
      dateOfBirth: dbDate('1970-01-01'),
    },
  });
  const patientId = patient.id;
  if (options.priorLines ?? true) {
    await prisma.priorTherapy.createMany({
      data: [
        { patientId, ...priorTherapyDrugColumns('nortriptyline'), outcome: 'INEFFECTIVE', recordedById },
        { patientId, ...priorTherapyDrugColumns('gabapentin'), outcome: 'INTOLERANT', recordedById },
      ],
    });
  }
  const attestation = options.attestation === undefined ? { attestedOn: '2026-02-27' } : options.attestation;
  if (attestation !== null) {
    await prisma.opioidFreeAttestation.create({
      data: {
        patientId,
        attestedOn: dbDate(attestation.attestedOn),
        lastOpioidDrug: attestation.lastOpioidDrug ?? null,
        lastOpioidDoseOn:
          attestation.lastOpioidDoseOn === undefined ? null : dbDate(attestation.lastOpioidDoseOn),
        attestedById: recordedById,
      },
    });
  }
  const consent = options.consent === undefined ? 'complete' : options.consent;
  if (consent !== null) {
    const points = consent === 'complete' ? CONSENT_POINT_CODES : CONSENT_POINT_CODES.slice(0, 2);
    await prisma.consent.create({
      data: { patientId, recordedOn: dbDate('2026-02-27'), points, recordedById },
    });
  }
  for (const drug of options.activeMedications ?? []) {
    await prisma.medication.create({ data: { patientId, ...medicationDrugColumns(drug), recordedById } });
  }
  await painScores(prisma, patientId, recordedById, options.painScores ?? { '2026-02-25': 7 });
  return patient;
}

/** Pain NRS scores of a patient by date. */
export async function painScores(
  prisma: PrismaClient,
  patientId: string,
  recordedById: string,
  scores: Record<string, number>,
): Promise<void> {
  await prisma.symptomScore.createMany({
    data: Object.entries(scores).map(([date, score]) => ({
      patientId,
      measure: 'PAIN_NRS' as const,
      scoredOn: dbDate(date),
      score,
      recordedById,
    })),
  });
}

/** The same pain score on each of the `days` days ending on `to` (a response window is 7). */
export function scoresEndingOn(to: string, score: number, days = 7): Record<string, number> {
  return Object.fromEntries(Array.from({ length: days }, (_, i) => [addDays(to, -i), score]));
}

/**
 * A trial row made directly (for lists of many trials), with its dose changes. Behaviour tests
 * start trials through the API instead.
 */
export async function aTrialRow(
  prisma: PrismaClient,
  patient: Pick<Patient, 'id' | 'clinicId'>,
  prescriberId: string,
  options: { startDate?: string; state?: TrialState; doseChanges?: [string, number][] } = {},
): Promise<Trial> {
  const trial = await prisma.trial.create({
    data: {
      patientId: patient.id,
      clinicId: patient.clinicId,
      prescriberId,
      condition: 'CRPS',
      state: options.state ?? 'TITRATING',
      startDate: dbDate(options.startDate ?? START),
      startDoseMg: 1.5,
      baselineScore: 7,
      baselineScoredOn: dbDate('2026-02-25'),
      policy: {},
    },
  });
  await prisma.doseChange.createMany({
    data: (options.doseChanges ?? []).map(([date, doseMg]) => ({
      trialId: trial.id,
      changedOn: dbDate(date),
      doseMg,
      prescribedById: prescriberId,
    })),
  });
  return trial;
}

export { type Api, apiAs } from '../test/builders.ts';

/** The codes of the findings a refused operation answered with (`extensions.findings`). */
export async function refusedFindingCodes(operation: Promise<unknown>): Promise<string[]> {
  const error = await operation.then(
    () => {
      throw new Error('expected the operation to be refused');
    },
    (refusal: ApiError) => refusal,
  );
  return (error.extensions.findings ?? []).map((f) => f.code);
}

/** Row counts of everything a trial change writes, to show a refused change wrote nothing. */
export async function trialRowCounts(prisma: PrismaClient): Promise<Record<string, number>> {
  const [trials, doseChanges, holds, overrides, warnings, adverseEffects, assessments, audits] =
    await Promise.all([
      prisma.trial.count(),
      prisma.doseChange.count(),
      prisma.trialHold.count(),
      prisma.override.count(),
      prisma.trialWarning.count(),
      prisma.adverseEffect.count(),
      prisma.assessment.count(),
      prisma.auditLog.count({ where: { entity: 'Trial', action: { not: 'READ' } } }),
    ]);
  return { trials, doseChanges, holds, overrides, warnings, adverseEffects, assessments, audits };
}

/** The operations of the trial API, as the portal would send them. */
export const OPERATIONS = {
  startCheck: `query ($patientId: ID!, $input: TrialStartInput!) {
    trialStartCheck(patientId: $patientId, input: $input) {
      canStart outcome overridesNeeded
      findings { code severity message evidence }
      baseline { date score }
      plan { steps { from doseMg } targetDoseMg targetReachedOn assessmentOpensOn assessmentDueBy }
      eligibility { eligible requirements { line met metBy } }
      policy { name opioidWashoutDays { standard methadone buprenorphine } overrideReasonMinimumWords }
    } }`,
  start: `mutation ($patientId: ID!, $input: TrialStartInput!) {
    startTrial(patientId: $patientId, input: $input) {
      id state version startDate startDoseMg condition prescriber baseline { date score }
      status { state currentDoseMg nextStep { date doseMg overdue } assessmentWindow { opensOn dueBy open overdue } }
      overrides { action code reason givenBy givenAt }
      warnings { code severity message evidence }
    } }`,
  trial: `query ($id: ID!, $asOf: LocalDate) {
    trial(id: $id, asOf: $asOf) {
      id condition state version asOf startDate startDoseMg maintenanceDoseMg endedOn discontinuationReason prescriber
      baseline { date score }
      patient { id givenName familyName }
      status {
        state currentDoseMg targetDoseMg targetReachedOn daysOnTherapy discontinuedOn
        nextStep { date doseMg overdue }
        assessmentWindow { opensOn dueBy open overdue }
        actions { code date message }
        timeline { from doseMg status }
        onHold { since resumesTo }
      }
      plan { steps { from doseMg } targetDoseMg targetReachedOn assessmentOpensOn assessmentDueBy }
      doseChanges { changedOn doseMg note }
      painScores { scoredOn score }
      adverseEffects { kind description onsetOn severity action }
      holds { heldOn reason note stateBefore resumedOn }
      overrides { action code reason givenBy givenAt }
      warnings { code message }
      assessments { assessedOn baselineScore meanScore relativeReduction responseClass decision discontinuationReason assessedBy }
      policy { name }
    } }`,
  changeDose: `mutation ($trialId: ID!, $input: DoseChangeInput!) {
    changeDose(trialId: $trialId, input: $input) {
      id state version status { currentDoseMg nextStep { date doseMg } }
      doseChanges { changedOn doseMg } overrides { action code reason givenBy givenAt }
    } }`,
  maintenance: `mutation ($trialId: ID!, $input: MaintenanceDoseInput!) {
    declareMaintenanceDose(trialId: $trialId, input: $input) {
      id maintenanceDoseMg status { targetDoseMg assessmentWindow { opensOn dueBy } }
    } }`,
  hold: `mutation ($trialId: ID!, $input: HoldTrialInput!) {
    holdTrial(trialId: $trialId, input: $input) { id state version holds { heldOn reason resumedOn } } }`,
  resume: `mutation ($trialId: ID!, $input: ResumeTrialInput!) {
    resumeTrial(trialId: $trialId, input: $input) { id state version holds { heldOn resumedOn } } }`,
  adverseEffect: `mutation ($trialId: ID!, $input: AdverseEffectInput!) {
    recordAdverseEffect(trialId: $trialId, input: $input) {
      id adverseEffects { kind description onsetOn severity action } } }`,
  assess: `mutation ($trialId: ID!, $input: AssessResponseInput!) {
    assessResponse(trialId: $trialId, input: $input) {
      id state endedOn discontinuationReason
      assessments { assessedOn meanScore relativeReduction responseClass decision discontinuationReason }
    } }`,
  discontinue: `mutation ($trialId: ID!, $input: DiscontinueTrialInput!) {
    discontinueTrial(trialId: $trialId, input: $input) { id state endedOn discontinuationReason discontinuationNote } }`,
  worklist: `query ($asOf: LocalDate) {
    worklist(asOf: $asOf) { code date message trial { id condition patient { id givenName familyName } } } }`,
} as const;

/** A start input for 2026-03-01 (CRPS unless told). */
export const startInput = (overrides: Record<string, unknown> = {}) => ({
  condition: 'CRPS',
  startDate: START,
  ...overrides,
});
