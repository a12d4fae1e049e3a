import { useMutation, useQuery } from 'urql';
import { graphql, type ResultOf, type VariablesOf } from '../../../graphql/index.ts';

// The patient's own page (issue #19): three operations, each with the link's token.

const PAGE_FIELDS = graphql(`
  fragment PatientReportPageFields on PatientReportPage @_unmask {
    state
    message
    needsBirthDate
    firstName
    currentDoseMg
    doseChoices
    eveningsReported
    evenings {
      evening
      late
      reported
    }
  }
`);

export const PatientReportPageQuery = graphql(
  `
  query PatientReportPage($token: String!) {
    patientReportPage(token: $token) {
      ...PatientReportPageFields
    }
  }
`,
  [PAGE_FIELDS],
);

export const ConfirmPatientBirthDateMutation = graphql(
  `
  mutation ConfirmPatientBirthDate($token: String!, $dateOfBirth: LocalDate!) {
    confirmPatientBirthDate(token: $token, dateOfBirth: $dateOfBirth) {
      ...PatientReportPageFields
    }
  }
`,
  [PAGE_FIELDS],
);

export const SubmitPatientReportMutation = graphql(
  `
  mutation SubmitPatientReport($token: String!, $report: PatientReportInput!) {
    submitPatientReport(token: $token, report: $report) {
      ...PatientReportPageFields
    }
  }
`,
  [PAGE_FIELDS],
);

export type PatientReportPage = ResultOf<typeof PAGE_FIELDS>;
export type PatientReportInput = VariablesOf<typeof SubmitPatientReportMutation>['report'];

export const usePatientReportPage = (token: string) =>
  useQuery({ query: PatientReportPageQuery, variables: { token }, requestPolicy: 'network-only' });
export const useConfirmPatientBirthDate = () => useMutation(ConfirmPatientBirthDateMutation);
export const useSubmitPatientReport = () => useMutation(SubmitPatientReportMutation);
