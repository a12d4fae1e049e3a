import { addDays, compareDates, isIsoDate, washoutDaysFor } from '@ldn/rules';
import type { PatientRecord } from '../api/patient.ts';

/** The latest opioid the patient stopped (not one entered in error), as the attestation's default last dose. */
export function lastStoppedOpioid(
  medications: ReadonlyArray<
    Pick<PatientRecord['medications'][number], 'drug' | 'isOpioid' | 'enteredInError' | 'stoppedOn'>
  >,
): { drug: string; stoppedOn: string } | null {
  let latest: { drug: string; stoppedOn: string } | null = null;
  for (const medication of medications) {
    if (!medication.isOpioid || medication.enteredInError || medication.stoppedOn === null) continue;
    if (latest === null || compareDates(medication.stoppedOn, latest.stoppedOn) > 0) {
      latest = { drug: medication.drug, stoppedOn: medication.stoppedOn };
    }
  }
  return latest;
}

/** What is wrong with an attestation as entered, or null; and the washout it implies (default policy). */
export function checkAttestationDraft(draft: {
  attestedOn: string;
  lastOpioidDrug: string;
  lastOpioidDoseOn: string;
}): { problem: string | null; washout: { days: number; earliestStart: string } | null } {
  const drug = draft.lastOpioidDrug.trim();
  if (!isIsoDate(draft.attestedOn)) return { problem: 'Enter the date of the attestation.', washout: null };
  if (drug === '' && draft.lastOpioidDoseOn === '') return { problem: null, washout: null };
  if (drug === '' || !isIsoDate(draft.lastOpioidDoseOn)) {
    return {
      problem: 'Give the last opioid and the date of its last dose together, or neither.',
      washout: null,
    };
  }
  if (compareDates(draft.lastOpioidDoseOn, draft.attestedOn) > 0) {
    return { problem: 'The last opioid dose cannot be after the attestation.', washout: null };
  }
  const days = washoutDaysFor(drug);
  return { problem: null, washout: { days, earliestStart: addDays(draft.lastOpioidDoseOn, days) } };
}

/** The active opioids of the list by their stored classification (§11), entered-in-error ones left out. */
export function activeOpioidNames(
  medications: ReadonlyArray<
    Pick<PatientRecord['medications'][number], 'drug' | 'isOpioid' | 'active' | 'enteredInError'>
  >,
): string[] {
  return medications
    .filter((medication) => medication.active && medication.isOpioid && !medication.enteredInError)
    .map((medication) => medication.drug);
}

/** The API refuses an attestation while an opioid is active (OPIOID_CONCURRENT_USE). */
export const ATTESTATION_WORDING = {
  RULE_VIOLATION:
    'Not attested: an opioid is still active on the medication list. Record its last dose (or mark it entered in error), then attest.',
};
