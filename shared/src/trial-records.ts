import { compareDates, type IsoDate } from './dates.ts';
import { type DatedDose, START_DOSE_MG } from './dose.ts';
import type { PriorTherapy } from './eligibility.ts';
import type { Override } from './findings.ts';
import { washoutDaysFor } from './opioids.ts';
import type { ClinicPolicy } from './policy.ts';
import type { PainScore } from './response.ts';
import { type ConsentRecord, checkConsent, type TrialStartInput } from './trial-start.ts';
import type { RecordedAssessment, TrialStatusInput } from './trial-status.ts';

// How a patient's and a trial's stored records become the inputs of checkTrialStart and
// deriveTrialStatus. The API (from its rows) and the portal (from the API's answers) both read
// records through here, so a start preview and a start, or a form's check and the API's, agree.

/** The parts of a patient's record a trial start is checked against. */
export interface StartRecords {
  priorTherapies: readonly PriorTherapy[];
  medications: ReadonlyArray<{ drug: string; stoppedOn: IsoDate | null; isOpioid: boolean }>;
  /** The latest opioid-free attestation (by attestedOn, then by when it was recorded), if any. */
  attestation: {
    attestedOn: IsoDate;
    lastOpioidDrug: string | null;
    lastOpioidDoseOn: IsoDate | null;
  } | null;
  /** Newest first (by recordedOn, then by when it was recorded). */
  consents: readonly ConsentRecord[];
  painScores: readonly PainScore[];
}

/** What the prescriber chose for the start. */
export interface StartChoice {
  condition: string;
  startDate: IsoDate;
  firstDoseMg?: number;
  overrides?: Override[];
}

/** An attestation's last dose whose drug was not named is still an opioid dose (§10). */
const UNNAMED_OPIOID = 'an opioid (not named)';

/**
 * The last opioid dose: the latest of the attestation's and the stopped opioid medications'. On a
 * tie, the drug with the longer washout (methadone, buprenorphine: §3), so the check is never lenient.
 */
export function latestOpioidDose(
  doses: ReadonlyArray<{ drug: string; date: IsoDate }>,
  policy: ClinicPolicy,
): { drug: string; date: IsoDate } | null {
  let latest: { drug: string; date: IsoDate } | null = null;
  for (const dose of doses) {
    const order = latest === null ? 1 : compareDates(dose.date, latest.date);
    const longerWashout =
      latest !== null && washoutDaysFor(dose.drug, policy) > washoutDaysFor(latest.drug, policy);
    if (order > 0 || (order === 0 && longerWashout)) latest = { drug: dose.drug, date: dose.date };
  }
  return latest;
}

/** The newest consent that satisfies §7 for this start, else the newest at all (its finding says why). */
export function consentForStart(
  newestFirst: readonly ConsentRecord[],
  startDate: IsoDate,
): ConsentRecord | null {
  return newestFirst.find((record) => checkConsent(record, startDate).length === 0) ?? newestFirst[0] ?? null;
}

/** checkTrialStart's input for a patient's records and a prescriber's choice. */
export function trialStartInputOf(
  records: StartRecords,
  choice: StartChoice,
  policy: ClinicPolicy,
): TrialStartInput {
  const { attestation } = records;
  const lastOpioidDose = latestOpioidDose(
    [
      ...(attestation?.lastOpioidDoseOn != null
        ? [{ drug: attestation.lastOpioidDrug ?? UNNAMED_OPIOID, date: attestation.lastOpioidDoseOn }]
        : []),
      ...records.medications.flatMap((m) =>
        m.isOpioid && m.stoppedOn !== null ? [{ drug: m.drug, date: m.stoppedOn }] : [],
      ),
    ],
    policy,
  );
  const consent = consentForStart(records.consents, choice.startDate);
  return {
    condition: choice.condition,
    priorTherapies: records.priorTherapies.map(({ drug, classes, outcome }) => ({
      drug,
      classes: [...classes],
      outcome,
    })),
    startDate: choice.startDate,
    // The stored classification decides (§11): a clinician's for an unrecognised name, else the vocabulary's.
    activeMedications: records.medications
      .filter((m) => m.stoppedOn === null)
      .map(({ drug, isOpioid }) => ({ drug, isOpioid })),
    ...(attestation === null ? {} : { attestedOn: attestation.attestedOn }),
    ...(lastOpioidDose === null ? {} : { lastOpioidDose }),
    painScores: records.painScores.map(({ date, score }) => ({ date, score })),
    ...(consent === null ? {} : { consent }),
    firstDoseMg: choice.firstDoseMg ?? START_DOSE_MG,
    overrides: choice.overrides ?? [],
  };
}

/** A started trial's recorded events, as stored. */
export interface TrialHistory {
  startDate: IsoDate;
  /** Any order; read in date order. Those entered in error are left out. */
  doseChanges: readonly (DatedDose & CorrectableRecord)[];
  maintenanceDoseMg: number | null;
  maintenanceDeclaredOn: IsoDate | null;
  holds: ReadonlyArray<{ heldOn: IsoDate; resumedOn: IsoDate | null }>;
  /** Those entered in error are left out. */
  assessments: readonly (RecordedAssessment & CorrectableRecord)[];
  endedOn: IsoDate | null;
  /** Marked entered in error (absent: not). */
  enteredInError?: boolean;
}

/**
 * A record of a trial a clinician may mark entered in error (a dose change, an assessment): it
 * stays on the record, struck through, and counts nowhere (workflows.md, corrections).
 */
export interface CorrectableRecord {
  /** Absent: not entered in error. */
  enteredInError?: boolean;
}

/** The records that count: every one not marked entered in error, in the order given. */
export function countedRecords<Row extends CorrectableRecord>(records: readonly Row[]): Row[] {
  return records.filter((record) => record.enteredInError !== true);
}

/** Recorded dose changes that count (not entered in error), in date order. */
export function dosesInOrder(doseChanges: readonly (DatedDose & CorrectableRecord)[]): DatedDose[] {
  return countedRecords(doseChanges)
    .map(({ date, doseMg }) => ({ date, doseMg }))
    .sort((a, b) => compareDates(a.date, b.date));
}

/**
 * True when this assessment is what ended the trial: a DISCONTINUE decision, counted, on the day
 * the trial ended (nothing changes an ended trial, so no other event can have ended it that day).
 * Marking it entered in error reopens the trial to the state its other records derive.
 */
export function assessmentEndedTrial(
  trial: { endedOn: IsoDate | null },
  assessment: RecordedAssessment & CorrectableRecord,
): boolean {
  return (
    assessment.enteredInError !== true &&
    assessment.decision === 'DISCONTINUE' &&
    trial.endedOn !== null &&
    compareDates(assessment.assessedOn, trial.endedOn) === 0
  );
}

/**
 * deriveTrialStatus's input for a trial's history as of a date. A maintenance dose counts from the
 * day it was declared: read as of an earlier day, the trial was still aiming at the target.
 */
export function trialStatusInputOf(history: TrialHistory, asOf: IsoDate): TrialStatusInput {
  const { maintenanceDoseMg, maintenanceDeclaredOn } = history;
  const maintenanceDeclared =
    maintenanceDoseMg !== null &&
    maintenanceDeclaredOn !== null &&
    compareDates(maintenanceDeclaredOn, asOf) <= 0;
  return {
    startDate: history.startDate,
    readyToStart: true,
    doseChanges: dosesInOrder(history.doseChanges),
    ...(maintenanceDeclared ? { maintenanceDoseMg } : {}),
    holds: history.holds.map((hold) => ({
      from: hold.heldOn,
      ...(hold.resumedOn === null ? {} : { to: hold.resumedOn }),
    })),
    assessments: countedRecords(history.assessments).map(({ assessedOn, decision }) => ({
      assessedOn,
      decision,
    })),
    ...(history.endedOn === null ? {} : { discontinuedOn: history.endedOn }),
    ...(history.enteredInError === true ? { enteredInError: true } : {}),
    asOf,
  };
}
