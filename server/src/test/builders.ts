import { randomBytes } from 'node:crypto';
import type { OrganisationKind, PrismaClient, Role } from '@ldn/db';
import { Repositories } from '../access/repositories.ts';
import { hashPassword } from '../auth/password.ts';
import type { TestServer } from './harness.ts';

/** The password of every person the builders make. */
export const TEST_PASSWORD = 'correct horse battery staple';
let passwordHash: Promise<string> | undefined;

const unique = () => randomBytes(4).toString('hex');

export function anOrganisation(prisma: PrismaClient, kind: OrganisationKind, name = `${kind} ${unique()}`) {
  return prisma.organisation.create({ data: { kind, name } });
}

export interface TestPerson {
  id: string;
  email: string;
  role: Role;
  organisationId: string;
}

export async function aPerson(
  prisma: PrismaClient,
  organisationId: string,
  role: Role,
  overrides: { email?: string; active?: boolean; npi?: string } = {},
): Promise<TestPerson> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const user = await prisma.user.create({
    data: {
      organisationId,
      role,
      email: overrides.email ?? `${role.toLowerCase()}-${unique()}@example.test`,
      name: `${role.charAt(0)}${role.slice(1).toLowerCase()} ${unique()}`,
      npi: overrides.npi ?? (role === 'CLINICIAN' ? '1234567893' : null),
      active: overrides.active ?? true,
      passwordHash: await passwordHash,
    },
  });
  return { id: user.id, email: user.email, role: user.role, organisationId };
}

/** A network with two clinics and a pharmacy, and a person of every role: the usual cast. */
export async function aNetwork(prisma: PrismaClient) {
  const [clinic, otherClinic, pharmacy, network] = await Promise.all([
    anOrganisation(prisma, 'CLINIC', 'Clinic A'),
    anOrganisation(prisma, 'CLINIC', 'Clinic B'),
    anOrganisation(prisma, 'PHARMACY', 'Pharmacy P'),
    anOrganisation(prisma, 'NETWORK', 'Network'),
  ]);
  const [clinician, coordinator, otherClinician, pharmacist, secondPharmacist, admin] = await Promise.all([
    aPerson(prisma, clinic.id, 'CLINICIAN'),
    aPerson(prisma, clinic.id, 'COORDINATOR'),
    aPerson(prisma, otherClinic.id, 'CLINICIAN'),
    aPerson(prisma, pharmacy.id, 'PHARMACIST'),
    // Verifies what the first compounds: dispensing takes two pharmacists.
    aPerson(prisma, pharmacy.id, 'PHARMACIST'),
    aPerson(prisma, network.id, 'ADMIN'),
  ]);
  return {
    clinic,
    otherClinic,
    pharmacy,
    network,
    clinician,
    coordinator,
    otherClinician,
    pharmacist,
    secondPharmacist,
    admin,
  };
}

/** Signs in over HTTP and returns the Cookie header value to send with later requests. */
export async function signIn(server: TestServer, person: { email: string }): Promise<string> {
  const response = await server.graphql(
    'mutation SignIn($input: SignInInput!) { signIn(input: $input) { id } }',
    { input: { email: person.email, password: TEST_PASSWORD } },
  );
  const cookie = response.setCookie.find((c) => c.startsWith('ldn_session='));
  if (cookie === undefined) throw new Error(`sign-in failed: ${JSON.stringify(response.errors)}`);
  return cookie.split(';')[0] ?? '';
}

export interface ApiError extends Error {
  extensions: Record<string, unknown> & { code?: string; findings?: { code: string }[] };
}

export type Api = <Data = Record<string, unknown>>(
  query: string,
  variables?: Record<string, unknown>,
) => Promise<Data>;

/** Calls the API with a session cookie; resolves with `data`, rejects with the first error. */
export function apiAs(server: TestServer, cookie: string): Api {
  return async <Data>(query: string, variables: Record<string, unknown> = {}) => {
    const response = await server.graphql<Data>(query, variables, { cookie });
    const [first] = response.errors ?? [];
    if (first !== undefined) {
      throw Object.assign(new Error(first.message), { extensions: first.extensions ?? {} }) as ApiError;
    }
    return response.data as Data;
  };
}

/**
 * The repositories of one request by a person of `organisationId` (a made-up person: the queries
 * read their organisation and role only), for tests of a query module outside a server.
 */
export function repositoriesAs(
  prisma: PrismaClient,
  organisationId: string,
  organisationKind: OrganisationKind,
  role: Role,
): Repositories {
  return new Repositories(
    prisma,
    {
      userId: '00000000-0000-4000-8000-000000000000',
      sessionId: 'test',
      organisationId,
      organisationKind,
      role,
      name: 'Test',
    },
    'test',
  );
}
