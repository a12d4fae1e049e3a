// The GraphQL documents the drug-vocabulary tests send, as the portal's type-ahead and preview would.

export const DRUG_SEARCH = `query ($query: String!, $first: Int) {
  drugSearch(query: $query, first: $first) { term name kind ingredients classes isOpioid rxcui }
}`;

export const CLASSIFY_DRUG = `query ($name: String!) {
  classifyDrug(name: $name) {
    status ingredients classes isOpioid suggestion matched unmatchedWords vocabularyVersion
  }
}`;

export const DRUG_VOCABULARY_VERSION = '{ drugVocabularyVersion }';

/** The worklist with the medication a POSSIBLE_OPIOID_REVIEW item concerns. */
export const WORKLIST_WITH_MEDICATIONS = `query ($asOf: LocalDate) {
  worklist(asOf: $asOf) { code date message medicationId trial { id state patient { id } } }
}`;
