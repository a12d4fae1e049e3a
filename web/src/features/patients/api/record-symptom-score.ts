import { useMutation } from 'urql';
import { graphql, type VariablesOf } from '../../../graphql/index.ts';

/** One 0–10 score of one measure on one day; the same measure and day again replaces it. */
export const RecordSymptomScoreMutation = graphql(`
  mutation RecordSymptomScore($patientId: ID!, $input: SymptomScoreInput!) {
    recordSymptomScore(patientId: $patientId, input: $input) {
      id
      measure
      scoredOn
      score
    }
  }
`);

export type SymptomMeasureCode = VariablesOf<typeof RecordSymptomScoreMutation>['input']['measure'];

export const useRecordSymptomScore = () => useMutation(RecordSymptomScoreMutation);
