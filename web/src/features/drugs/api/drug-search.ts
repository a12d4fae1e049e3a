import { useQuery } from 'urql';
import { graphql, type ResultOf } from '../../../graphql/index.ts';

/** Names of the drug vocabulary that start like what was typed, best first (clinical-rules §11). */
export const DrugSearchQuery = graphql(`
  query DrugSearch($query: String!, $first: Int!) {
    drugSearch(query: $query, first: $first) {
      term
      name
      kind
      ingredients
      classes
      isOpioid
      rxcui
    }
  }
`);

export type DrugSearchHit = ResultOf<typeof DrugSearchQuery>['drugSearch'][number];

/** The fewest letters worth a search. */
export const DRUG_SEARCH_MIN_LETTERS = 2;
const DRUG_SEARCH_ROWS = 8;

/** The vocabulary's names for `query`; paused until it has a couple of letters. */
export const useDrugSearch = (query: string) =>
  useQuery({
    query: DrugSearchQuery,
    variables: { query, first: DRUG_SEARCH_ROWS },
    pause: query.length < DRUG_SEARCH_MIN_LETTERS,
  });
