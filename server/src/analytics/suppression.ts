// De-identification of the administrators' figures (workflows.md "Administrators": never
// patient-identifying). Product policy, not clinical evidence: the usual small-cell rule.

/** Fewest patients a figure may describe; a smaller group is shown as suppressed, not as a number. */
export const MINIMUM_GROUP_PATIENTS = 5;

/** A group (the whole report, a condition, clinic or prescriber) too small to show. */
export const isSmallGroup = (patients: number): boolean => patients < MINIMUM_GROUP_PATIENTS;

/** A count within a shown group that would single out 1 to 4 patients (0 singles out no one). */
export const isSmallCell = (patients: number): boolean => patients > 0 && patients < MINIMUM_GROUP_PATIENTS;

/** A count as shown: the number, or null with `suppressed` when it describes 1 to 4 patients. */
export function shownCount(trials: number, patients: number): { count: number | null; suppressed: boolean } {
  return isSmallCell(patients) ? { count: null, suppressed: true } : { count: trials, suppressed: false };
}
