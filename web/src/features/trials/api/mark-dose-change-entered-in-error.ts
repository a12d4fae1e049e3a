import { graphql } from '../../../graphql/index.ts';

/**
 * Marks a dose change entered in error (clinicians, with a reason): kept and shown struck through,
 * counted nowhere, so the current dose and the titration are derived again from the other changes.
 * A stale `trialVersion` is refused with CONFLICT. No hook of its own: EnteredInErrorForm sends it
 * (TrialRecordCorrection.tsx); it answers with the trial, so the trial page reloads.
 */
export const MarkDoseChangeEnteredInErrorMutation = graphql(`
  mutation MarkDoseChangeEnteredInError($id: ID!, $trialVersion: Int!, $reason: String!) {
    markDoseChangeEnteredInError(doseChangeId: $id, trialVersion: $trialVersion, reason: $reason) {
      id
      version
    }
  }
`);
