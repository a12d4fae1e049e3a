import { useMutation } from 'urql';
import { graphql, type VariablesOf } from '../../../graphql/index.ts';
import { PriorTherapyFields } from './drug-record-fields.ts';

/**
 * A therapy tried before LDN (clinical-rules §2): drug, outcome, dates, dose range. Its classes
 * come from the drug (§11); only a name the vocabulary cannot judge takes a clinician's.
 */
export const RecordPriorTherapyMutation = graphql(
  `
  mutation RecordPriorTherapy($patientId: ID!, $input: PriorTherapyInput!) {
    recordPriorTherapy(patientId: $patientId, input: $input) {
      ...PriorTherapyFields
    }
  }
`,
  [PriorTherapyFields],
);

export type PriorTherapyInput = VariablesOf<typeof RecordPriorTherapyMutation>['input'];
export type TherapyOutcomeCode = PriorTherapyInput['outcome'];

export const useRecordPriorTherapy = () => useMutation(RecordPriorTherapyMutation);
