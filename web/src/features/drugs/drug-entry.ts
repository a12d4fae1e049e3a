import {
  classificationIsOpioid,
  classifyDrug,
  DRUG_CLASSES,
  type DrugClass,
  type DrugClassification,
  manualClassificationFor,
  manualClassificationProblem,
} from '@ldn/rules';

/** Where a drug name is recorded: a current medication needs the explicit "not an opioid" (§11). */
export type DrugUse = 'MEDICATION' | 'PRIOR_THERAPY';

/** The classes a clinician ticks for a name the vocabulary cannot judge. */
export interface ManualDraft {
  classes: DrugClass[];
  notAnOpioid: boolean;
}

export const NO_MANUAL_CLASSES: ManualDraft = { classes: [], notAnOpioid: false };

/** What the API's `classification` input takes. */
export interface ClassificationInput {
  classes: DrugClass[];
  notAnOpioid?: boolean;
}

/** A typed drug name read by the rules package, and what may be saved with it. */
export interface DrugEntry {
  /** The rules' reading of the name; null while nothing is typed. */
  classification: DrugClassification | null;
  /** A recognised or probable opioid (§11: a probable one blocks like an opioid). */
  isOpioid: boolean;
  /** Whether classes must, may, or may not be stated (rules: manualClassificationFor). */
  manual: 'REQUIRED' | 'ALLOWED' | 'NOT_ALLOWED';
  /** The `classification` to send, if any. */
  input: ClassificationInput | undefined;
  /** Why it cannot be saved as it stands, or null. */
  problem: string | null;
}

/** The words a coordinator is given for a name only a clinician may classify. */
export const CLINICIAN_MUST_CLASSIFY =
  'Not in the drug vocabulary: a clinician must state its classes before it can be recorded.';

/**
 * The rules package's reading of a typed name (classifyDrug) and what the form may send: nothing
 * for a recognised drug, a clinician's classes for an unrecognised one (required) or a probable
 * opioid (optional). `unchangedFrom` is the name already on record (an amendment that keeps it
 * needs no new classification). The API decides again on save.
 */
export function drugEntryOf(options: {
  drug: string;
  draft: ManualDraft;
  use: DrugUse;
  canClassify: boolean;
  unchangedFrom?: string;
}): DrugEntry {
  const text = options.drug.trim();
  if (text === '') {
    return {
      classification: null,
      isOpioid: false,
      manual: 'NOT_ALLOWED',
      input: undefined,
      problem: 'Enter the drug.',
    };
  }
  const classification = classifyDrug(text);
  const isOpioid = classificationIsOpioid(classification);
  let manual = manualClassificationFor(classification.status);
  if (manual === 'REQUIRED' && options.unchangedFrom?.trim() === text) manual = 'ALLOWED';
  const base = { classification, isOpioid, manual };
  if (manual === 'NOT_ALLOWED') return { ...base, input: undefined, problem: null };
  if (!options.canClassify) {
    return { ...base, input: undefined, problem: manual === 'REQUIRED' ? CLINICIAN_MUST_CLASSIFY : null };
  }
  const { classes, notAnOpioid } = options.draft;
  if (manual === 'ALLOWED' && classes.length === 0 && !notAnOpioid) {
    return { ...base, input: undefined, problem: null };
  }
  const medication = options.use === 'MEDICATION';
  const problem = manualClassificationProblem(
    { classes, notAnOpioid: medication ? notAnOpioid : null },
    options.use,
  );
  const input: ClassificationInput = {
    // In the order of the enum, whatever order they were ticked in.
    classes: DRUG_CLASSES.filter((candidate) => classes.includes(candidate)),
    ...(medication && notAnOpioid && { notAnOpioid: true }),
  };
  return { ...base, input, problem };
}
