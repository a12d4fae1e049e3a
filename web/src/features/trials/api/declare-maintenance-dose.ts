import { useMutation } from 'urql';
import { graphql } from '../../../graphql/index.ts';

/** A lower target when 4.5 mg is not tolerated (clinicians); the trial is at target from when it began. */
export const DeclareMaintenanceDoseMutation = graphql(`
  mutation DeclareMaintenanceDose($trialId: ID!, $input: MaintenanceDoseInput!) {
    declareMaintenanceDose(trialId: $trialId, input: $input) {
      id
      state
      version
    }
  }
`);

export const useDeclareMaintenanceDose = () => useMutation(DeclareMaintenanceDoseMutation);
