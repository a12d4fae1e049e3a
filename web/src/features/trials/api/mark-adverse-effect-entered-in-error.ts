import { graphql } from '../../../graphql/index.ts';

/**
 * Marks an adverse effect entered in error (clinicians, with a reason): kept and shown struck
 * through, counted nowhere (not in the adverse effect rate). A stale `trialVersion` is refused with
 * CONFLICT. No hook of its own: EnteredInErrorForm sends it (TrialRecordCorrection.tsx); it answers
 * with the trial, so the trial page reloads.
 */
export const MarkAdverseEffectEnteredInErrorMutation = graphql(`
  mutation MarkAdverseEffectEnteredInError($id: ID!, $trialVersion: Int!, $reason: String!) {
    markAdverseEffectEnteredInError(adverseEffectId: $id, trialVersion: $trialVersion, reason: $reason) {
      id
      version
    }
  }
`);
