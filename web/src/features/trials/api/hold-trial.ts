import { useMutation } from 'urql';
import { graphql } from '../../../graphql/index.ts';

/** Puts a trial on hold (clinic roles); days on hold do not count. Already on hold or ended → CONFLICT. */
export const HoldTrialMutation = graphql(`
  mutation HoldTrial($trialId: ID!, $input: HoldTrialInput!) {
    holdTrial(trialId: $trialId, input: $input) {
      id
      state
      version
    }
  }
`);

export const useHoldTrial = () => useMutation(HoldTrialMutation);
