import { useMutation } from 'urql';
import { graphql } from '../../../graphql/index.ts';

/** Records an adverse effect (clinic roles, §6); a hold or an end is recorded with its own action. */
export const RecordAdverseEffectMutation = graphql(`
  mutation RecordAdverseEffect($trialId: ID!, $input: AdverseEffectInput!) {
    recordAdverseEffect(trialId: $trialId, input: $input) {
      id
      state
      version
    }
  }
`);

export const useRecordAdverseEffect = () => useMutation(RecordAdverseEffectMutation);
