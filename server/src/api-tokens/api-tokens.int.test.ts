import { asOrganisation } from '@ldn/db';
import type { OperationOutcome, Patient } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../auth/sessions.ts';
import { DEFAULT_THROTTLE } from '../auth/throttle.ts';
import { fhirGet, signInDemo, startDemoServer } from '../fhir/fhir.fixtures.ts';
import { startTestServer, type TestServer } from '../test/harness.ts';

/** A created Patient or an OperationOutcome, read without knowing which. */
type FhirAnswer = Omit<Patient, 'resourceType'> &
  Omit<OperationOutcome, 'resourceType'> & { resourceType: string };

const ISSUE = `mutation Issue($input: IssueApiTokenInput!) {
  issueApiToken(input: $input) { token apiToken { id name status expiresAt organisation { id } createdByName } }
}`;
const REVOKE = 'mutation Revoke($id: ID!) { revokeApiToken(id: $id) { id status revokedAt revokedByName } }';
const LIST = '{ apiTokens { id name status lastUsedAt organisation { name } createdByName } }';

interface Issued {
  token: string;
  apiToken: {
    id: string;
    name: string;
    status: string;
    expiresAt: string | null;
    organisation: { id: string };
  };
}

let server: TestServer;
let admin: string;
let clinician: string;
const org: Record<string, { id: string; kind: string }> = {};
/** A Riverside patient, one at Northgate, and a line of an order sent to CareRx. */
let riversidePatient: string;
let northgatePatient: string;
let careRxLine: string;

async function issue(input: Record<string, unknown>, cookie = admin) {
  return server.graphql<{ issueApiToken: Issued }>(ISSUE, { input }, { cookie });
}

async function issued(organisation: string, name = `${organisation} EHR`, expiresInDays?: number) {
  const { data, errors } = await issue({ organisationId: org[organisation]?.id, name, expiresInDays });
  if (data?.issueApiToken === undefined) throw new Error(JSON.stringify(errors));
  return data.issueApiToken;
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function fhirWith(token: string, path: string, init: RequestInit = {}) {
  const response = await fetch(`${server.url}/fhir/R4/${path}`, {
    ...init,
    headers: { ...bearer(token), ...(init.headers as Record<string, string> | undefined) },
  });
  return { status: response.status, response, body: (await response.json()) as FhirAnswer };
}

const lastAuditId = async () =>
  (await server.db.prisma.auditLog.findFirst({ orderBy: { id: 'desc' } }))?.id ?? 0n;
const auditAfter = (since: bigint) =>
  server.db.prisma.auditLog.findMany({ where: { id: { gt: since } }, orderBy: { id: 'asc' } });

beforeAll(async () => {
  server = await startDemoServer();
  admin = await signInDemo(server, 'admin@network.demo');
  clinician = await signInDemo(server, 'clinician@riverside.demo');
  for (const [key, name] of [
    ['riverside', 'Riverside'],
    ['northgate', 'Northgate'],
    ['careRx', 'CareRx'],
    ['network', 'Network'],
  ] as const) {
    org[key] = await server.db.prisma.organisation.findFirstOrThrow({ where: { name: { contains: name } } });
  }
  const patientOf = async (clinicId: string | undefined) =>
    (await server.db.prisma.patient.findFirstOrThrow({ where: { clinicId } })).id;
  riversidePatient = await patientOf(org.riverside?.id);
  northgatePatient = await patientOf(org.northgate?.id);
  careRxLine = (
    await server.db.prisma.orderLine.findFirstOrThrow({
      where: { order: { pharmacyId: org.careRx?.id, state: 'DISPENSED' } },
    })
  ).id;
}, 60_000);
afterAll(async () => {
  await server?.close();
});

describe('issuing a token', () => {
  it('gives the token once, ldn_ and 32 random bytes, and stores only its SHA-256', async () => {
    const { token, apiToken } = await issued('riverside', 'Riverside EHR nightly pull', 30);
    expect(token).toMatch(/^ldn_[A-Za-z0-9_-]{43}$/);
    expect(apiToken).toMatchObject({ name: 'Riverside EHR nightly pull', status: 'ACTIVE' });
    const row = await server.db.prisma.apiToken.findUniqueOrThrow({ where: { id: apiToken.id } });
    expect(row.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(row)).not.toContain(token.slice(4));
    expect(row.expiresAt?.getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);
    const { data } = await server.graphql<{ apiTokens: { id: string; createdByName: string }[] }>(
      LIST,
      {},
      {
        cookie: admin,
      },
    );
    expect(data?.apiTokens.find((listed) => listed.id === apiToken.id)).toMatchObject({
      createdByName: expect.any(String),
    });
    expect(JSON.stringify(data)).not.toContain(token);
  });

  it('writes an ISSUE row, and a REVOKE row when revoked (once)', async () => {
    const since = await lastAuditId();
    const { apiToken } = await issued('northgate');
    const first = await server.graphql(REVOKE, { id: apiToken.id }, { cookie: admin });
    const again = await server.graphql(REVOKE, { id: apiToken.id }, { cookie: admin });
    expect(first.data).toMatchObject({
      revokeApiToken: { status: 'REVOKED', revokedByName: expect.any(String) },
    });
    expect(again.data).toEqual(first.data);
    const rows = await auditAfter(since);
    expect(rows.map((row) => [row.action, row.entity, row.entityId])).toEqual([
      ['ISSUE', 'ApiToken', apiToken.id],
      ['REVOKE', 'ApiToken', apiToken.id],
    ]);
  });

  it('is for administrators only', async () => {
    for (const operation of [issue({ organisationId: org.riverside?.id, name: 'x' }, clinician)]) {
      expect((await operation).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const list = await server.graphql(LIST, {}, { cookie: clinician });
    expect(list.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses the network itself, an unknown organisation, a blank purpose and a lifetime out of range', async () => {
    const count = await server.db.prisma.apiToken.count();
    const refusals = [
      [{ organisationId: org.network?.id, name: 'all' }, 'BAD_USER_INPUT'],
      [{ organisationId: '00000000-0000-4000-8000-000000000000', name: 'x' }, 'NOT_FOUND'],
      [{ organisationId: org.riverside?.id, name: '   ' }, 'BAD_USER_INPUT'],
      [{ organisationId: org.riverside?.id, name: 'x', expiresInDays: 0 }, 'BAD_USER_INPUT'],
      [{ organisationId: org.riverside?.id, name: 'x', expiresInDays: 731 }, 'BAD_USER_INPUT'],
    ] as const;
    for (const [input, code] of refusals) {
      expect((await issue(input)).errors?.[0]?.extensions?.code, JSON.stringify(input)).toBe(code);
    }
    expect(await server.db.prisma.apiToken.count()).toBe(count);
  });

  it('keeps the rows from everyone but the network in the database too (row-level security)', async () => {
    await issued('riverside');
    // Prisma's queries are lazy: each is awaited inside the organisation's access, not after it.
    const countAs = (organisationId: string | undefined, organisationKind: 'CLINIC' | 'NETWORK') =>
      asOrganisation({ organisationId: organisationId ?? '', organisationKind }, async () =>
        server.db.prisma.apiToken.count(),
      );
    expect(await countAs(org.riverside?.id, 'CLINIC')).toBe(0);
    expect(await countAs(org.network?.id, 'NETWORK')).toBeGreaterThan(0);
  });
});

describe('reading with a token', () => {
  let riverside: string;
  beforeAll(async () => {
    riverside = (await issued('riverside')).token;
  });

  it("reads its clinic's records as the clinic's people do", async () => {
    const { status, body } = await fhirWith(riverside, `Patient/${riversidePatient}`);
    expect(status).toBe(200);
    expect(body.identifier?.[0]?.value).toBeTruthy();
    expect((await fhirWith(riverside, `Observation?patient=${riversidePatient}`)).status).toBe(200);
    expect((await fhirWith(riverside, `Patient/${riversidePatient}/$everything`)).status).toBe(200);
  });

  it("answers another clinic's patient 404, exactly like one that does not exist", async () => {
    const other = await fhirWith(riverside, `Patient/${northgatePatient}`);
    const missing = await fhirWith(riverside, 'Patient/00000000-0000-4000-8000-000000000000');
    expect([other.status, missing.status]).toEqual([404, 404]);
    expect(JSON.stringify(other.body).replace(northgatePatient, 'ID')).toBe(
      JSON.stringify(missing.body).replace('00000000-0000-4000-8000-000000000000', 'ID'),
    );
  });

  it('writes a USE row naming the token, and READ rows with its organisation and no person', async () => {
    const since = await lastAuditId();
    const { response } = await fhirWith(riverside, `Patient/${riversidePatient}`);
    const tokenId = (
      await server.db.prisma.apiToken.findUniqueOrThrow({ where: { tokenHash: hashToken(riverside) } })
    ).id;
    const requestId = response.headers.get('x-request-id');
    expect(await auditAfter(since)).toEqual([
      expect.objectContaining({
        action: 'API_TOKEN_USE',
        entity: 'ApiToken',
        entityId: tokenId,
        actorId: null,
        requestId,
      }),
      expect.objectContaining({
        action: 'READ',
        entity: 'Patient',
        entityId: riversidePatient,
        actorId: null,
        organisationId: org.riverside?.id,
        requestId,
      }),
    ]);
    const row = await server.db.prisma.apiToken.findUniqueOrThrow({ where: { id: tokenId } });
    expect(row.lastUsedAt).not.toBeNull();
  });

  it('is read-only: a token cannot create a patient (403) nor use any other method (405)', async () => {
    const count = await server.db.prisma.patient.count();
    const create = await fhirWith(riverside, 'Patient', {
      method: 'POST',
      headers: { 'content-type': 'application/fhir+json' },
      body: JSON.stringify({ resourceType: 'Patient', birthDate: '1970-01-01' }),
    });
    expect(create.status).toBe(403);
    expect(create.body.issue?.[0]?.code).toBe('forbidden');
    const update = await fhirWith(riverside, `Patient/${riversidePatient}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/fhir+json' },
      body: '{}',
    });
    expect(update.status).toBe(405);
    expect(await server.db.prisma.patient.count()).toBe(count);
  });

  it("a pharmacy's token reads what the pharmacy's orders need, and nothing of the clinic's", async () => {
    const { token } = await issued('careRx');
    expect((await fhirWith(token, `MedicationRequest/${careRxLine}`)).status).toBe(200);
    expect((await fhirWith(token, `Observation?patient=${riversidePatient}`)).status).toBe(403);
  });

  it.each([
    ['unknown', async () => `ldn_${'A'.repeat(43)}`],
    ['not ours', async () => 'some-other-bearer-token'],
    [
      'revoked',
      async () => {
        const { token, apiToken } = await issued('riverside');
        await server.graphql(REVOKE, { id: apiToken.id }, { cookie: admin });
        return token;
      },
    ],
    [
      'expired',
      async () => {
        const { token, apiToken } = await issued('riverside', 'short', 1);
        await server.db.prisma.apiToken.update({
          where: { id: apiToken.id },
          data: { expiresAt: new Date(Date.now() - 1_000) },
        });
        return token;
      },
    ],
  ])('answers a token that is %s 401, with an OperationOutcome and nothing read', async (_kind, tokenOf) => {
    const token = await tokenOf();
    const since = await lastAuditId();
    const { status, response, body } = await fhirWith(token, `Patient/${riversidePatient}`);
    expect(status).toBe(401);
    expect(response.headers.get('www-authenticate')).toContain('invalid_token');
    expect(body.issue?.[0]?.code).toBe('login');
    expect(await auditAfter(since)).toEqual([]);
  });

  it('shows the expired and revoked ones so in the list', async () => {
    const { data } = await server.graphql<{ apiTokens: { name: string; status: string }[] }>(
      LIST,
      {},
      {
        cookie: admin,
      },
    );
    const statuses = new Set(data?.apiTokens.map((listed) => listed.status));
    expect(statuses).toEqual(new Set(['ACTIVE', 'EXPIRED', 'REVOKED']));
  });

  it('the capability statement still needs nothing', async () => {
    expect((await fhirGet(server, 'metadata')).status).toBe(200);
  });
});

describe('guessing tokens', () => {
  let strict: TestServer;
  beforeAll(async () => {
    strict = await startTestServer({ throttle: { ...DEFAULT_THROTTLE, maxFailures: 3, delayStepMs: 0 } });
  });
  afterAll(async () => {
    await strict?.close();
  });

  it('refuses an address with 429 after too many tokens that are not valid', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const response = await fetch(`${strict.url}/fhir/R4/Patient/00000000-0000-4000-8000-000000000000`, {
        headers: bearer(`ldn_guess${attempt}${'x'.repeat(38)}`),
      });
      statuses.push(response.status);
      if (response.status === 429) expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
  });
});
