/**
 * §11: the classes a drug belongs to, per ingredient; a product has the union of its ingredients'.
 * `DISEASE_SPECIFIC` is retired: MS disease-modifying therapies and FDA-approved fibromyalgia drugs
 * are classes of their own, read from the drug, never ticked by hand for a recognised drug.
 */
export const DRUG_CLASSES = [
  'OPIOID',
  'OPIOID_ANTAGONIST',
  'TCA',
  'SNRI',
  'ANTICONVULSANT',
  'MS_DISEASE_MODIFYING',
  'FIBROMYALGIA_APPROVED',
  'OTHER',
] as const;
export type DrugClass = (typeof DRUG_CLASSES)[number];

/** An ingredient of the vocabulary. `name` is the canonical lower-case name (RxNorm's spelling). */
export interface IngredientEntry {
  name: string;
  classes: readonly DrugClass[];
  /** RxNorm ingredient (TTY=IN) RxCUI, only where verified from a published source. */
  rxcui?: string;
  /** Other names of the same ingredient: synonyms, abbreviations, international names (lower-case). */
  synonyms?: readonly string[];
}

/** A brand or a combination product, mapped to the canonical names of its ingredients. */
export interface ProductEntry {
  /** As the product is written ("Tylenol #3", "Percocet"). */
  name: string;
  ingredients: readonly string[];
  /** Other ways of writing the same product ("Tylenol 3", "Tylenol with codeine", "T3"). */
  aliases?: readonly string[];
}

/** §11: how the vocabulary reads a name. */
export const DRUG_RECOGNITION_STATUSES = ['RECOGNISED', 'PROBABLE', 'UNRECOGNISED'] as const;
export type DrugRecognitionStatus = (typeof DRUG_RECOGNITION_STATUSES)[number];
