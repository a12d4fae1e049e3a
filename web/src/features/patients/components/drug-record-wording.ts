/** What a stale correction is told: the record was reloaded under the form. */
export const RECORD_CONFLICT_WORDING =
  'Someone else changed this record since you opened it; the page now shows their version. Reload it, check, and try again.';

/** What a coordinator is told when a classification or correction is a clinician's. */
export const CLINICIAN_ONLY_WORDING =
  'Only a clinician may classify a drug or mark a record entered in error.';

/** A correction's refusal wording per code. */
export const CORRECTION_WORDING = { CONFLICT: RECORD_CONFLICT_WORDING, FORBIDDEN: CLINICIAN_ONLY_WORDING };

/** A failed save also reloads the patient (a CONFLICT brings the version to send next). */
export const RELOAD_PATIENT = { additionalTypenames: ['Patient', 'Medication', 'PriorTherapy'] };
