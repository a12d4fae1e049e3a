import { useMutation } from 'urql';
import { graphql } from '../../../graphql/index.ts';

/**
 * A new nightly dose from a date (clinicians): DOSE_ABOVE_MAXIMUM / DOSE_INVALID → RULE_VIOLATION,
 * TITRATION_TOO_FAST without a reason → OVERRIDE_REQUIRED. Sends the trial version read: a stale
 * one is refused with CONFLICT.
 */
export const ChangeDoseMutation = graphql(`
  mutation ChangeDose($trialId: ID!, $input: DoseChangeInput!) {
    changeDose(trialId: $trialId, input: $input) {
      id
      state
      version
    }
  }
`);

export const useChangeDose = () => useMutation(ChangeDoseMutation);
