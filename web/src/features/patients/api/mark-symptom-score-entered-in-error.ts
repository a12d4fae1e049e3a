import { graphql } from '../../../graphql/index.ts';
import { SymptomScoreFields } from './symptom-score-fields.ts';

/**
 * Marks a score entered in error (clinicians, with a reason): kept and shown struck through,
 * counted nowhere; its measure may be scored again that day. A stale `version` is refused with
 * CONFLICT. No hook of its own: EnteredInErrorForm sends it, as it does every record kind's mark.
 */
export const MarkSymptomScoreEnteredInErrorMutation = graphql(
  `
  mutation MarkSymptomScoreEnteredInError($scoreId: ID!, $version: Int!, $reason: String!) {
    markSymptomScoreEnteredInError(scoreId: $scoreId, version: $version, reason: $reason) {
      ...SymptomScoreFields
    }
  }
`,
  [SymptomScoreFields],
);
