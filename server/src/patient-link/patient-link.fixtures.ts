import type { TestServer } from '../test/harness.ts';

// The documents the patient-link tests send, as the portal and the phone page would.

export const LINK_FIELDS = 'id state createdAt createdByName expiresAt revokedAt lockedAt';

export const ISSUE = `mutation ($trialId: ID!) { issuePatientLink(trialId: $trialId) { path link { ${LINK_FIELDS} } } }`;
export const REVOKE = `mutation ($trialId: ID!) { revokePatientLink(trialId: $trialId) { ${LINK_FIELDS} } }`;

const PAGE_FIELDS =
  'state message needsBirthDate firstName currentDoseMg doseChoices eveningsReported evenings { evening late reported }';

export const PAGE = `query ($token: String!) { patientReportPage(token: $token) { ${PAGE_FIELDS} } }`;
export const CONFIRM = `mutation ($token: String!, $dateOfBirth: LocalDate!) {
  confirmPatientBirthDate(token: $token, dateOfBirth: $dateOfBirth) { ${PAGE_FIELDS} } }`;
export const SUBMIT = `mutation ($token: String!, $report: PatientReportInput!) {
  submitPatientReport(token: $token, report: $report) { ${PAGE_FIELDS} } }`;

export const TRIAL_REPORTS = `query ($id: ID!, $asOf: LocalDate) { trial(id: $id, asOf: $asOf) {
  patientLink { ${LINK_FIELDS} }
  adherence { nightsTaken nightsNotTaken nightsSupplied lastReportedOn gaps { from to evenings }
    reports { evening late doseTaken doseMg } }
  painScores { scoredOn score source recordedBy }
  adverseEffects { id kind severity source reviewedAt description }
} }`;

/** The token of a link path (`/r/<token>`). */
export const tokenOf = (path: string) => path.replace(/^\/r\//, '');

/** One evening's report: tonight's dose taken, pain and sleep. */
export const aReport = (evening: string, overrides: Record<string, unknown> = {}) => ({
  evening,
  dose: { answer: 'TAKEN', doseMg: 1.5 },
  scores: [
    { measure: 'PAIN_NRS', score: 4 },
    { measure: 'SLEEP', score: 6 },
  ],
  sideEffects: [],
  ...overrides,
});

/** A phone: keeps the device cookie the server sets, and sends it back. */
export function aPhone(server: TestServer) {
  let cookie: string | undefined;
  return {
    async call<Data = Record<string, unknown>>(query: string, variables: Record<string, unknown>) {
      const response = await server.graphql<Data>(query, variables, cookie === undefined ? {} : { cookie });
      const device = response.setCookie.find((c) => c.startsWith('ldn_patient_'));
      if (device !== undefined) cookie = device.split(';')[0];
      return response;
    },
    /** The Set-Cookie header of the device, as last received. */
    get cookie() {
      return cookie;
    },
  };
}
