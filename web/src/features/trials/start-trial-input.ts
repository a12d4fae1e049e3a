import {
  type ClinicPolicy,
  type ConsentPoint,
  definePolicy,
  type IsoDate,
  type Override,
  START_DOSE_MG,
  type StartRecords,
  trialStartInputOf as startInputOfRecords,
  type TherapyClass,
  type TherapyOutcome,
  type TrialStartInput,
} from '@ldn/rules';

// The patient's record as the API answers it, read as the rules package's StartRecords: the
// rules package (trialStartInputOf) decides what counts, the same call the API makes at start.

/** The parts of a patient's record (as the API lists them, oldest first) a start is checked against. */
export interface StartHistories {
  /** Entered-in-error ones are listed too (flagged): they count nowhere. */
  priorTherapies: ReadonlyArray<{
    drug: string;
    classes: readonly TherapyClass[];
    outcome: TherapyOutcome;
    enteredInError: boolean;
  }>;
  /** `isOpioid` is the stored classification (§11: a clinician's for a name the vocabulary cannot judge). */
  medications: ReadonlyArray<{
    drug: string;
    stoppedOn: IsoDate | null;
    isOpioid: boolean;
    enteredInError: boolean;
  }>;
  /** Oldest first (recordedOn, then when recorded), as the patient query lists them. */
  consents: ReadonlyArray<{ recordedOn: IsoDate; points: ReadonlyArray<{ code: ConsentPoint }> }>;
  /** Oldest first (attestedOn, then when recorded), as the patient query lists them. */
  opioidFreeAttestations: ReadonlyArray<{
    attestedOn: IsoDate;
    lastOpioidDrug: string | null;
    lastOpioidDoseOn: IsoDate | null;
  }>;
  /** Entered-in-error ones are listed too (flagged): never a baseline. */
  painScores: ReadonlyArray<{ scoredOn: IsoDate; score: number; enteredInError: boolean }>;
}

/** What the clinician chose on the start form. */
export interface StartChoice {
  condition: string;
  startDate: IsoDate;
  overrides: Override[];
}

/**
 * The API's lists as the rules' records: entered-in-error records left out (they count nowhere),
 * each medication with its stored isOpioid, the latest attestation, consents newest first.
 */
export function startRecordsOf(histories: StartHistories): StartRecords {
  const attestation = histories.opioidFreeAttestations.at(-1);
  return {
    priorTherapies: histories.priorTherapies
      .filter((therapy) => !therapy.enteredInError)
      .map(({ drug, classes, outcome }) => ({ drug, classes: [...classes], outcome })),
    medications: histories.medications
      .filter((medication) => !medication.enteredInError)
      .map(({ drug, stoppedOn, isOpioid }) => ({ drug, stoppedOn, isOpioid })),
    attestation:
      attestation === undefined
        ? null
        : {
            attestedOn: attestation.attestedOn,
            lastOpioidDrug: attestation.lastOpioidDrug,
            lastOpioidDoseOn: attestation.lastOpioidDoseOn,
          },
    consents: [...histories.consents].reverse().map((consent) => ({
      recordedOn: consent.recordedOn,
      points: consent.points.map((point) => point.code),
    })),
    painScores: histories.painScores
      .filter((score) => !score.enteredInError)
      .map((score) => ({ date: score.scoredOn, score: score.score })),
  };
}

/** The rules package's checkTrialStart input for this patient and this choice (first dose 1.5 mg). */
export function trialStartInputOf(
  histories: StartHistories,
  choice: StartChoice,
  policy: ClinicPolicy,
): TrialStartInput {
  return startInputOfRecords(startRecordsOf(histories), { ...choice, firstDoseMg: START_DOSE_MG }, policy);
}

/** The clinic policy as the API sends it, as the rules take it (only its fields: not urql's __typename). */
export function clinicPolicyOf(policy: {
  name: string;
  opioidWashoutDays: { standard: number; methadone: number; buprenorphine: number };
  responseThresholdsPercent: { substantial: number; meaningful: number; minimal: number };
  overrideReasonMinimumWords: number;
}): ClinicPolicy {
  const { standard, methadone, buprenorphine } = policy.opioidWashoutDays;
  const { substantial, meaningful, minimal } = policy.responseThresholdsPercent;
  return definePolicy({
    name: policy.name,
    opioidWashoutDays: { standard, methadone, buprenorphine },
    responseThresholdsPercent: { substantial, meaningful, minimal },
    overrideReasonMinimumWords: policy.overrideReasonMinimumWords,
  });
}
