import { useMutation } from 'urql';
import { graphql, type VariablesOf } from '../../../graphql/index.ts';

/** A therapy tried before LDN (clinical-rules §2): drug, classes, outcome, dates, dose range. */
export const RecordPriorTherapyMutation = graphql(`
  mutation RecordPriorTherapy($patientId: ID!, $input: PriorTherapyInput!) {
    recordPriorTherapy(patientId: $patientId, input: $input) {
      id
      drug
      classes
      doseRange
      startedOn
      endedOn
      outcome
      note
    }
  }
`);

export type PriorTherapyInput = VariablesOf<typeof RecordPriorTherapyMutation>['input'];
export type TherapyClassCode = PriorTherapyInput['classes'][number];
export type TherapyOutcomeCode = PriorTherapyInput['outcome'];

export const useRecordPriorTherapy = () => useMutation(RecordPriorTherapyMutation);
