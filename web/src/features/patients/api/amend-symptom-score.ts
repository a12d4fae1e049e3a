import { useMutation } from 'urql';
import { graphql } from '../../../graphql/index.ts';
import { SymptomScoreFields } from './symptom-score-fields.ts';

/** Corrects a score with a reason; the previous score is kept. A stale `version` is refused with CONFLICT. */
export const AmendSymptomScoreMutation = graphql(
  `
  mutation AmendSymptomScore($scoreId: ID!, $version: Int!, $score: Int!, $reason: String!) {
    amendSymptomScore(scoreId: $scoreId, version: $version, score: $score, reason: $reason) {
      ...SymptomScoreFields
    }
  }
`,
  [SymptomScoreFields],
);

export const useAmendSymptomScore = () => useMutation(AmendSymptomScoreMutation);
