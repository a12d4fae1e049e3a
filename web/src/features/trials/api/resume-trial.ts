import { useMutation } from 'urql';
import { graphql } from '../../../graphql/index.ts';

/** Resumes a trial on hold to the state it had (clinic roles); not on hold → CONFLICT. */
export const ResumeTrialMutation = graphql(`
  mutation ResumeTrial($trialId: ID!, $input: ResumeTrialInput!) {
    resumeTrial(trialId: $trialId, input: $input) {
      id
      state
      version
    }
  }
`);

export const useResumeTrial = () => useMutation(ResumeTrialMutation);
