import { useMutation } from 'urql';
import { graphql, type VariablesOf } from '../../../graphql/index.ts';
import { PriorTherapyFields } from './drug-record-fields.ts';

/** Corrects a prior therapy with a reason; a stale `version` is refused with CONFLICT. */
export const AmendPriorTherapyMutation = graphql(
  `
  mutation AmendPriorTherapy($priorTherapyId: ID!, $version: Int!, $input: PriorTherapyAmendmentInput!, $reason: String!) {
    amendPriorTherapy(priorTherapyId: $priorTherapyId, version: $version, input: $input, reason: $reason) {
      ...PriorTherapyFields
    }
  }
`,
  [PriorTherapyFields],
);

export type PriorTherapyAmendmentInput = VariablesOf<typeof AmendPriorTherapyMutation>['input'];

export const useAmendPriorTherapy = () => useMutation(AmendPriorTherapyMutation);
