import type { DrugClass } from './drug-classes.ts';
import type { DrugClassification } from './drug-matcher.ts';

/** The classes a clinician states for a name the vocabulary cannot judge (§11). */
export interface ManualClassification {
  classes: readonly DrugClass[];
  /** The explicit "not an opioid" confirmation a current medication needs when OPIOID is not among its classes. */
  notAnOpioid?: boolean | null;
}

/**
 * §11: whether a person may, or must, state the classes of a name. A recognised drug's classes come
 * from the vocabulary; an unrecognised one must be classified; a probable opioid blocks like an opioid
 * until a clinician says what it really is.
 */
export function manualClassificationFor(
  status: DrugClassification['status'],
): 'REQUIRED' | 'ALLOWED' | 'NOT_ALLOWED' {
  if (status === 'UNRECOGNISED') return 'REQUIRED';
  return status === 'PROBABLE' ? 'ALLOWED' : 'NOT_ALLOWED';
}

/**
 * §11: what is wrong with a stated classification, or null: at least one class, no class twice, and
 * for a current medication either OPIOID or the explicit "not an opioid" — never both.
 */
export function manualClassificationProblem(
  classification: ManualClassification,
  use: 'MEDICATION' | 'PRIOR_THERAPY',
): string | null {
  const { classes, notAnOpioid } = classification;
  if (classes.length === 0) return 'Choose at least one class.';
  if (new Set(classes).size !== classes.length) return 'Choose each class once.';
  const opioid = classes.includes('OPIOID');
  if (opioid && notAnOpioid === true)
    return 'A drug of class OPIOID cannot also be confirmed as not an opioid.';
  if (use === 'MEDICATION' && !opioid && notAnOpioid !== true)
    return 'Confirm that it is not an opioid, or give it the class OPIOID.';
  return null;
}
