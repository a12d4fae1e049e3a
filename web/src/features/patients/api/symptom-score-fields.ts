import { graphql } from '../../../graphql/index.ts';

/**
 * What the patient page shows of a score: the measure, day and value, who recorded it, the version
 * a correction is based on, and its corrections (amendments, entered in error).
 */
export const SymptomScoreFields = graphql(`
  fragment SymptomScoreFields on SymptomScore @_unmask {
    id
    version
    measure
    scoredOn
    score
    createdAt
    recordedBy
    enteredInError
    enteredInErrorAt
    enteredInErrorReason
    enteredInErrorByName
    amendments {
      amendedAt
      amendedBy
      reason
      previous
    }
  }
`);
