import { useMutation } from 'urql';
import { graphql } from '../../../graphql/index.ts';
import { SymptomScoreFields } from './symptom-score-fields.ts';

/**
 * One visit's scores on one day, all recorded or none. A measure already scored that day is
 * refused by name (BAD_USER_INPUT, reason ALREADY_SCORED, field `scores.<i>.measure`).
 */
export const RecordVisitScoresMutation = graphql(
  `
  mutation RecordVisitScores($patientId: ID!, $scoredOn: LocalDate!, $scores: [VisitScoreInput!]!) {
    recordVisitScores(patientId: $patientId, scoredOn: $scoredOn, scores: $scores) {
      ...SymptomScoreFields
    }
  }
`,
  [SymptomScoreFields],
);

export const useRecordVisitScores = () => useMutation(RecordVisitScoresMutation);
