export * from './classify.ts';
export * from './drug-classes.ts';
export {
  classificationIsOpioid,
  type DrugClassification,
  type DrugConcept,
  type DrugSearchHit,
  type VocabularyLists,
} from './drug-matcher.ts';
export * from './manual-classification.ts';
export { VOCABULARY_VERSION } from './vocabulary.ts';
