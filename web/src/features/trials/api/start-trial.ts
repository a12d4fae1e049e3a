import { useMutation } from 'urql';
import { graphql } from '../../../graphql/index.ts';

/**
 * Starts a trial (clinicians). The server runs the same start check in its transaction: a hard
 * stop → RULE_VIOLATION, a soft stop without a reason → OVERRIDE_REQUIRED (findings in
 * `extensions.findings`), a trial not yet ended → CONFLICT.
 */
export const StartTrialMutation = graphql(`
  mutation StartTrial($patientId: ID!, $input: TrialStartInput!) {
    startTrial(patientId: $patientId, input: $input) {
      id
      state
      version
    }
  }
`);

export const useStartTrial = () => useMutation(StartTrialMutation);
