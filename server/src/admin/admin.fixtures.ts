import { expect } from 'vitest';
import type { GraphQLResponse, TestServer } from '../test/harness.ts';

// The admin API's documents and small helpers for its tests (not a test file itself).

const PERSON = 'id name email role npi active deactivatedAt invitationPending organisation { id kind }';
const ORGANISATION = `id kind name addressLine1 city region postalCode phone licenceNumber active version
  defaultPharmacy { id } allowedPharmacies { id }`;

export const Q = {
  organisations: `query ($kind: OrganisationKind) { organisations(kind: $kind) { ${ORGANISATION} } }`,
  createOrganisation: `mutation ($input: CreateOrganisationInput!) { createOrganisation(input: $input) { ${ORGANISATION} } }`,
  updateOrganisation: `mutation ($id: ID!, $version: String, $input: UpdateOrganisationInput!) {
    updateOrganisation(id: $id, version: $version, input: $input) { ${ORGANISATION} } }`,
  people: `query ($organisationId: ID, $role: Role, $active: Boolean) {
    people(organisationId: $organisationId, role: $role, active: $active) { ${PERSON} } }`,
  invitePerson: `mutation ($input: InvitePersonInput!) { invitePerson(input: $input) { link expiresAt person { ${PERSON} } } }`,
  resetPasswordLink: `mutation ($userId: ID!) { resetPasswordLink(userId: $userId) { link expiresAt person { id } } }`,
  deactivatePerson: `mutation ($userId: ID!) { deactivatePerson(userId: $userId) { ${PERSON} } }`,
  reactivatePerson: `mutation ($userId: ID!) { reactivatePerson(userId: $userId) { ${PERSON} } }`,
  changeRole: `mutation ($userId: ID!, $role: Role!, $npi: String) { changeRole(userId: $userId, role: $role, npi: $npi) { ${PERSON} } }`,
  auditLog: `query ($filter: AuditLogFilter, $first: Int, $after: String) { auditLog(filter: $filter, first: $first, after: $after) {
    edges { cursor node { id at actorId actorName organisationId organisationName action entity entityId entityIds requestId } }
    pageInfo { hasNextPage endCursor } } }`,
  acceptInvitation: `mutation ($token: String!, $password: String!) { acceptInvitation(token: $token, password: $password) { email } }`,
  resetPassword: `mutation ($token: String!, $password: String!) { resetPassword(token: $token, password: $password) { email } }`,
  changeMyPassword:
    'mutation ($current: String!, $next: String!) { changeMyPassword(current: $current, next: $next) }',
  mySessions: '{ mySessions { id createdAt lastSeenAt expiresAt userAgent current } }',
  endMySession: 'mutation ($id: ID!) { endMySession(id: $id) }',
  endMyOtherSessions: 'mutation { endMyOtherSessions }',
  me: '{ me { id role } }',
  signIn: 'mutation ($input: SignInInput!) { signIn(input: $input) { id } }',
} as const;

/** A password the policy accepts. */
export const GOOD_PASSWORD = 'violet-anchor-meadow-71';

/** The token of a link the admin API handed out (`/accept-invitation?token=…`). */
export function tokenOf(link: string): string {
  const token = new URL(link, 'http://portal.test').searchParams.get('token');
  if (token === null) throw new Error(`no token in ${link}`);
  return token;
}

/** Asserts the response failed with `code` (and the field, when given), and returns its error. */
export function expectRefused(response: GraphQLResponse, code: string, field?: string) {
  expect(response.errors?.[0]?.extensions).toMatchObject(field === undefined ? { code } : { code, field });
  return response.errors?.[0];
}

/** Calls the API and fails the test on any error; returns the data. */
export async function ok<Data = Record<string, unknown>>(
  server: TestServer,
  query: string,
  variables: Record<string, unknown>,
  cookie?: string,
): Promise<Data> {
  const response = await server.graphql<Data>(query, variables, cookie === undefined ? {} : { cookie });
  expect(response.errors).toBeUndefined();
  return response.data as Data;
}

/** Signs in with an email and password; the cookie, or undefined when refused. */
export async function signInWith(server: TestServer, email: string, password: string) {
  const response = await server.graphql(Q.signIn, { input: { email, password } });
  return response.setCookie.find((c) => c.startsWith('ldn_session='))?.split(';')[0];
}
