// The documents the symptom-score tests send, as the portal would (one visit, corrections).

export const SCORE_FIELDS =
  'id patientId measure scoredOn score version recordedBy enteredInError enteredInErrorAt enteredInErrorReason enteredInErrorByName amendments { amendedAt amendedBy reason previous }';

export const RECORD_VISIT_SCORES = `mutation ($patientId: ID!, $scoredOn: LocalDate!, $scores: [VisitScoreInput!]!) {
  recordVisitScores(patientId: $patientId, scoredOn: $scoredOn, scores: $scores) { ${SCORE_FIELDS} }
}`;

export const AMEND_SYMPTOM_SCORE = `mutation ($scoreId: ID!, $version: Int!, $score: Int!, $reason: String!) {
  amendSymptomScore(scoreId: $scoreId, version: $version, score: $score, reason: $reason) { ${SCORE_FIELDS} }
}`;

export const MARK_SYMPTOM_SCORE_ENTERED_IN_ERROR = `mutation ($scoreId: ID!, $version: Int!, $reason: String!) {
  markSymptomScoreEnteredInError(scoreId: $scoreId, version: $version, reason: $reason) { ${SCORE_FIELDS} }
}`;

export const PATIENT_SCORES = `query ($id: ID!) {
  patient(id: $id) {
    symptomScores { ${SCORE_FIELDS} }
    baselineCandidate { id scoredOn score }
  }
}`;
