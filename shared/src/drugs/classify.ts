import {
  classificationIsOpioid,
  type DrugClassification,
  type DrugConcept,
  type DrugSearchHit,
} from './drug-matcher.ts';
import { drugMatcher, VOCABULARY_VERSION } from './vocabulary.ts';

/**
 * §11: what a typed drug name is — RECOGNISED (ingredients and classes from the vocabulary),
 * PROBABLE (a misspelt opioid, with the `suggestion`) or UNRECOGNISED (a clinician must classify it).
 */
export function classifyDrug(text: string): DrugClassification {
  return drugMatcher.classify(text);
}

/** §3 and §11: true for a recognised or probable product with an opioid ingredient. */
export function isOpioid(text: string): boolean {
  return drugMatcher.isOpioid(text);
}

/** The most rows a type-ahead may ask for. */
export const DRUG_SEARCH_MAX_LIMIT = 50;

/** §11: names of the vocabulary for a type-ahead, best first (see DrugMatcher.search). */
export function searchDrugs(prefix: string, limit = 10): DrugSearchHit[] {
  return drugMatcher.search(prefix, Math.min(Math.max(0, Math.trunc(limit)), DRUG_SEARCH_MAX_LIMIT));
}

/** A concept of the vocabulary by its canonical name ("Tylenol #3", "oxycodone"), if any. */
export function drugConcept(name: string): DrugConcept | undefined {
  return drugMatcher.concepts.get(name);
}

/** A readable name of what a product contains: "acetaminophen + codeine". */
export function ingredientsLabel(ingredients: readonly string[]): string {
  return ingredients.join(' + ');
}

/** A classification as a medication or prior-therapy record stores it (§11). */
export interface StoredDrugClassification {
  ingredients: string[];
  classes: DrugClassification['classes'];
  recognition: DrugClassification['status'];
  suggestion: string | null;
  vocabularyVersion: string;
  isOpioid: boolean;
}

/** What a record stores about `text` as the vocabulary of this version classifies it. */
export function storedClassificationOf(text: string): StoredDrugClassification {
  const classification = classifyDrug(text);
  return {
    ingredients: classification.ingredients,
    classes: classification.classes,
    recognition: classification.status,
    suggestion: classification.suggestion ?? null,
    vocabularyVersion: VOCABULARY_VERSION,
    isOpioid: classificationIsOpioid(classification),
  };
}
