import { useMutation } from 'urql';
import { graphql, type VariablesOf } from '../../../graphql/index.ts';

/** The points of clinical-rules §7 the patient was told and understood, on a day. */
export const RecordConsentMutation = graphql(`
  mutation RecordConsent($patientId: ID!, $input: ConsentInput!) {
    recordConsent(patientId: $patientId, input: $input) {
      id
      recordedOn
      complete
      points {
        code
        text
      }
    }
  }
`);

export type ConsentPointCode = VariablesOf<typeof RecordConsentMutation>['input']['points'][number];

export const useRecordConsent = () => useMutation(RecordConsentMutation);
