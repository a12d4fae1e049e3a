import { useMutation } from 'urql';
import { graphql } from '../../../graphql/index.ts';

/**
 * Marks a trial started by mistake entered in error (clinicians, with a reason): kept and shown
 * struck through, counted nowhere; its open orders are cancelled. An order at the pharmacy's bench
 * → RULE_VIOLATION TRIAL_HAS_SUPPLY (discontinue instead); a stale `version` → CONFLICT.
 */
export const MarkTrialEnteredInErrorMutation = graphql(`
  mutation MarkTrialEnteredInError($trialId: ID!, $version: Int!, $reason: String!) {
    markTrialEnteredInError(trialId: $trialId, version: $version, reason: $reason) {
      id
      version
      enteredInError
    }
  }
`);

export const useMarkTrialEnteredInError = () => useMutation(MarkTrialEnteredInErrorMutation);
