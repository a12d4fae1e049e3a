import { useMutation } from 'urql';
import { graphql } from '../../../graphql/index.ts';

/**
 * Records the response assessment and its decision (clinicians, §5). Before the window →
 * RULE_VIOLATION ASSESSMENT_TOO_EARLY; no pain score in the 7 days → BAD_USER_INPUT.
 */
export const AssessResponseMutation = graphql(`
  mutation AssessResponse($trialId: ID!, $input: AssessResponseInput!) {
    assessResponse(trialId: $trialId, input: $input) {
      id
      state
      version
    }
  }
`);

export const useAssessResponse = () => useMutation(AssessResponseMutation);
