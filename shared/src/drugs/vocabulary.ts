import { DrugMatcher } from './drug-matcher.ts';
import { CLASS_INGREDIENTS, CLASS_PRODUCTS, OTHER_INGREDIENTS } from './vocabulary.classes.ts';
import { OPIOID_COMBINATION_PARTNERS, OPIOID_INGREDIENTS, OPIOID_PRODUCTS } from './vocabulary.opioids.ts';

/**
 * §11: the version of the drug vocabulary. Every stored classification keeps the version it was
 * made with; when this changes, stored medications and prior therapies are classified again.
 * Change it whenever a list in vocabulary.*.ts changes (YYYY.MM.N).
 */
export const VOCABULARY_VERSION = '2026.11.2';

/** The whole vocabulary: opioids and their combination partners, the eligibility classes, others. */
export const DRUG_VOCABULARY = {
  ingredients: [
    ...OPIOID_INGREDIENTS,
    ...OPIOID_COMBINATION_PARTNERS,
    ...CLASS_INGREDIENTS,
    ...OTHER_INGREDIENTS,
  ],
  products: [...OPIOID_PRODUCTS, ...CLASS_PRODUCTS],
} as const;

/** The matcher over the vocabulary, built once. */
export const drugMatcher = new DrugMatcher(DRUG_VOCABULARY);
