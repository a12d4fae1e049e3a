// De-identification of the administrators' figures (workflows.md "Administrators": never
// patient-identifying). Product policy, not clinical evidence: the usual small-cell rule.

/** Fewest patients a figure may describe; a smaller group is shown as suppressed, not as a number. */
export const MINIMUM_GROUP_PATIENTS = 5;

/** A group (the whole report, a condition, clinic or prescriber) too small to show. */
export const isSmallGroup = (patients: number): boolean => patients < MINIMUM_GROUP_PATIENTS;

/** A count within a shown group that would single out 1 to 4 patients (0 singles out no one). */
export const isSmallCell = (patients: number): boolean => patients > 0 && patients < MINIMUM_GROUP_PATIENTS;

/** The size of one cell of a table: its trials (what is shown) and distinct patients (what is judged). */
export interface CellSize {
  trials: number;
  patients: number;
}

/**
 * Complementary suppression of one additive relationship: cells that add up to a total (the
 * reasons to the discontinued trials, the clinics to the cohort). Cells of 1 to 4 patients are
 * hidden; then, if the relationship would have exactly one hidden member — one hidden cell beside
 * a shown total, or a hidden total beside shown cells — the total minus the rest would give it
 * away, so the smallest shown cell is hidden as well (a zero first: zeros beside one hidden cell
 * say it is the whole remainder). Returns, cell by cell, whether it is hidden.
 */
export function suppressedCells(cells: readonly CellSize[], totalHidden = false): boolean[] {
  return withComplement(
    cells,
    cells.map((cell) => isSmallCell(cell.patients)),
    totalHidden,
  );
}

/**
 * The complement step of `suppressedCells` for cells already judged hidden for any reason (`hidden`,
 * cell by cell): when the relationship has exactly one hidden member, the smallest shown cell (a
 * zero first) is hidden as well. Returns a new array.
 */
export function withComplement(
  cells: readonly CellSize[],
  hiddenBefore: readonly boolean[],
  totalHidden = false,
): boolean[] {
  const hidden = [...hiddenBefore];
  const hiddenMembers = hidden.filter(Boolean).length + (totalHidden ? 1 : 0);
  if (hiddenMembers !== 1) return hidden;
  let next: number | undefined;
  cells.forEach((cell, index) => {
    if (hidden[index]) return;
    const best = next === undefined ? undefined : cells[next];
    if (
      best === undefined ||
      cell.patients < best.patients ||
      (cell.patients === best.patients && cell.trials < best.trials)
    ) {
      next = index;
    }
  });
  if (next !== undefined) hidden[next] = true;
  return hidden;
}

/** A count as shown given its suppression: the number, or null with `suppressed`. */
export const countAs = (trials: number, hidden: boolean): { count: number | null; suppressed: boolean } =>
  hidden ? { count: null, suppressed: true } : { count: trials, suppressed: false };
