import { useMutation } from 'urql';
import { graphql } from '../../../graphql/index.ts';

/** Ends a trial with a reason of §8 (clinicians), on hold or not; an ended trial → INVALID_TRANSITION. */
export const DiscontinueTrialMutation = graphql(`
  mutation DiscontinueTrial($trialId: ID!, $input: DiscontinueTrialInput!) {
    discontinueTrial(trialId: $trialId, input: $input) {
      id
      state
      version
    }
  }
`);

export const useDiscontinueTrial = () => useMutation(DiscontinueTrialMutation);
