import { graphql } from '../../../graphql/index.ts';

/**
 * Marks an assessment entered in error (clinicians, with a reason): kept and shown struck through;
 * its response and decision no longer count, and one that ended the trial reopens it
 * (INVALID_TRANSITION ANOTHER_TRIAL_NOT_ENDED while the patient has another trial that has not
 * ended). A stale `trialVersion` is refused with CONFLICT. No hook of its own: EnteredInErrorForm
 * sends it (TrialRecordCorrection.tsx); it answers with the trial, so the trial page reloads.
 */
export const MarkAssessmentEnteredInErrorMutation = graphql(`
  mutation MarkAssessmentEnteredInError($id: ID!, $trialVersion: Int!, $reason: String!) {
    markAssessmentEnteredInError(assessmentId: $id, trialVersion: $trialVersion, reason: $reason) {
      id
      version
    }
  }
`);
