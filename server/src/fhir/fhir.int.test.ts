import type { Bundle, OperationOutcome, Patient, Resource } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../test/harness.ts';
import { fhirGet, signInDemo, startDemoServer } from './fhir.fixtures.ts';

let server: TestServer;
let clinician: string;
let pharmacist: string;
let admin: string;
/** One record of each kind at Riverside (the clinician's clinic) and at Northgate (another clinic). */
const riverside: Record<string, string> = {};
const northgate: Record<string, string> = {};

/** The id each resource type of a clinic's patient is read by, from the records behind it. */
async function idsAt(clinicName: string): Promise<Record<string, string>> {
  const prisma = server.db.prisma;
  const clinic = await prisma.organisation.findFirstOrThrow({ where: { name: { contains: clinicName } } });
  const inClinic = { patient: { clinicId: clinic.id } };
  const trial = await prisma.trial.findFirstOrThrow({
    where: { clinicId: clinic.id, adverseEffects: { some: {} } },
  });
  const patientId = trial.patientId;
  const [score, medication, consent, effect, line, dispensed] = await Promise.all([
    prisma.symptomScore.findFirstOrThrow({ where: { ...inClinic, patientId } }),
    prisma.priorTherapy.findFirstOrThrow({ where: { ...inClinic, patientId } }),
    prisma.consent.findFirstOrThrow({ where: inClinic }),
    prisma.adverseEffect.findFirstOrThrow({ where: { trialId: trial.id, enteredInErrorAt: null } }),
    prisma.orderLine.findFirstOrThrow({ where: { order: { clinicId: clinic.id, state: 'DISPENSED' } } }),
    prisma.orderLine.findFirstOrThrow({ where: { order: { clinicId: clinic.id, state: 'DISPENSED' } } }),
  ]);
  return {
    Patient: patientId,
    Condition: trial.id,
    CarePlan: trial.id,
    Observation: score.id,
    MedicationStatement: medication.id,
    Consent: consent.id,
    AdverseEvent: effect.id,
    MedicationRequest: line.id,
    MedicationDispense: dispensed.id,
    Practitioner: trial.prescriberId,
    Organization: clinic.id,
  };
}

beforeAll(async () => {
  server = await startDemoServer();
  clinician = await signInDemo(server, 'clinician@riverside.demo');
  pharmacist = await signInDemo(server, 'pharmacist@carerx.demo');
  admin = await signInDemo(server, 'admin@network.demo');
  Object.assign(riverside, await idsAt('Riverside'));
  Object.assign(northgate, await idsAt('Northgate'));
}, 60_000);
afterAll(async () => {
  await server?.close();
});

const PATIENT_TYPES = [
  'Patient',
  'Condition',
  'CarePlan',
  'Observation',
  'MedicationStatement',
  'Consent',
  'AdverseEvent',
  'MedicationRequest',
  'MedicationDispense',
];

const issueCode = (body: Resource) => (body as OperationOutcome).issue?.[0]?.code;

describe('the capability statement', () => {
  it('is served to anyone, as FHIR JSON', async () => {
    const { status, contentType, body } = await fhirGet(server, 'metadata');
    expect(status).toBe(200);
    expect(contentType).toContain('application/fhir+json');
    expect(body).toMatchObject({ resourceType: 'CapabilityStatement', fhirVersion: '4.0.1' });
    expect(JSON.stringify(body)).toContain('"type":"MedicationDispense"');
  });
});

describe('reading by id', () => {
  it.each([...PATIENT_TYPES, 'Practitioner', 'Organization'])('reads a %s of the clinic', async (type) => {
    const { status, body } = await fhirGet(server, `${type}/${riverside[type]}`, clinician);
    expect(status).toBe(200);
    expect(body).toMatchObject({ resourceType: type, id: riverside[type] });
  });

  it("gives a clinic's patient with the MRN in the clinic's namespace", async () => {
    const { body } = await fhirGet<Patient>(server, `Patient/${riverside.Patient}`, clinician);
    const row = await server.db.prisma.patient.findUniqueOrThrow({ where: { id: riverside.Patient ?? '' } });
    expect(body.identifier?.[0]).toMatchObject({
      system: `urn:ldn-trials:clinic:${row.clinicId}:mrn`,
      value: row.mrn,
    });
    expect(body.birthDate).toBe(row.dateOfBirth.toISOString().slice(0, 10));
  });

  it.each([...PATIENT_TYPES, 'Practitioner', 'Organization'])(
    "answers another clinic's %s 404, exactly like one that does not exist",
    async (type) => {
      const other = await fhirGet(server, `${type}/${northgate[type]}`, clinician);
      const missing = await fhirGet(server, `${type}/00000000-0000-4000-8000-000000000000`, clinician);
      expect(other.status).toBe(404);
      expect(missing.status).toBe(404);
      expect(issueCode(other.body)).toBe('not-found');
      expect(JSON.stringify(other.body).replace(northgate[type] ?? '', 'ID')).toBe(
        JSON.stringify(missing.body).replace('00000000-0000-4000-8000-000000000000', 'ID'),
      );
    },
  );

  it('answers 404 for an id that is no record id, and for a type it does not serve', async () => {
    expect((await fhirGet(server, "Patient/1'; select 1", clinician)).status).toBe(404);
    const unknown = await fhirGet(server, 'Encounter/abc', clinician);
    expect(unknown.status).toBe(404);
    expect(issueCode(unknown.body)).toBe('not-supported');
  });
});

describe('searching by patient', () => {
  it.each(PATIENT_TYPES.filter((type) => type !== 'Patient'))(
    "finds a patient's %s resources",
    async (type) => {
      const patientId = riverside.Patient ?? '';
      const { status, body } = await fhirGet<Bundle>(
        server,
        `${type}?patient=Patient/${patientId}`,
        clinician,
      );
      expect(status).toBe(200);
      expect(body).toMatchObject({ resourceType: 'Bundle', type: 'searchset' });
      const entries = body.entry ?? [];
      if (type !== 'MedicationDispense' && type !== 'MedicationRequest' && type !== 'Consent') {
        expect(entries.length).toBeGreaterThan(0);
      }
      for (const entry of entries) {
        expect(entry.resource?.resourceType).toBe(type);
        expect(JSON.stringify(entry.resource)).toContain(`"Patient/${patientId}"`);
        expect(entry.fullUrl).toBe(`${server.url}/fhir/R4/${type}/${entry.resource?.id}`);
      }
      expect(body.total).toBe(entries.length);
    },
  );

  it("finds nothing of another clinic's patient", async () => {
    const { status, body } = await fhirGet<Bundle>(
      server,
      `Observation?patient=${northgate.Patient}`,
      clinician,
    );
    expect(status).toBe(200);
    expect(body.total).toBe(0);
  });

  it('refuses a search it does not support with 400', async () => {
    const unknown = await fhirGet(server, 'Observation?code=72514-3', clinician);
    expect(unknown.status).toBe(400);
    expect(issueCode(unknown.body)).toBe('invalid');
    expect((await fhirGet(server, 'Observation', clinician)).status).toBe(400);
    expect((await fhirGet(server, 'Practitioner?patient=x', clinician)).status).toBe(400);
  });
});

describe('Patient/{id}/$everything', () => {
  it('gives the patient and every resource of theirs in one Bundle', async () => {
    const { status, body } = await fhirGet<Bundle>(
      server,
      `Patient/${riverside.Patient}/$everything`,
      clinician,
    );
    expect(status).toBe(200);
    const types = (body.entry ?? []).map((entry) => entry.resource?.resourceType);
    expect(types[0]).toBe('Patient');
    expect(new Set(types)).toEqual(
      new Set([
        'Patient',
        'Condition',
        'CarePlan',
        'Observation',
        'MedicationStatement',
        'AdverseEvent',
        ...types,
      ]),
    );
    for (const type of ['Condition', 'CarePlan', 'Observation', 'MedicationStatement', 'AdverseEvent'])
      expect(types).toContain(type);
  });

  it("answers another clinic's patient 404", async () => {
    expect((await fhirGet(server, `Patient/${northgate.Patient}/$everything`, clinician)).status).toBe(404);
  });
});

describe('who reaches what', () => {
  it('answers 401 with an OperationOutcome when nobody is signed in', async () => {
    const { status, contentType, body } = await fhirGet(server, `Patient/${riverside.Patient}`);
    expect(status).toBe(401);
    expect(contentType).toContain('application/fhir+json');
    expect(issueCode(body)).toBe('login');
  });

  it('refuses administrators every record (403)', async () => {
    for (const path of [`Patient/${riverside.Patient}`, `Organization/${riverside.Organization}`]) {
      const { status, body } = await fhirGet(server, path, admin);
      expect(status).toBe(403);
      expect(issueCode(body)).toBe('forbidden');
    }
  });

  it('reads only, but for a new Patient: anything else is 405', async () => {
    const response = await fetch(`${server.url}/fhir/R4/Observation`, {
      method: 'POST',
      headers: { cookie: clinician, 'content-type': 'application/fhir+json' },
      body: '{"resourceType":"Patient"}',
    });
    expect(response.status).toBe(405);
    expect(((await response.json()) as OperationOutcome).issue?.[0]?.code).toBe('not-supported');
  });

  describe('a pharmacist', () => {
    let sentHere: { patientId: string; lineId: string };
    let draftLine: string;
    let elsewhereLine: string;
    beforeAll(async () => {
      const prisma = server.db.prisma;
      const pharmacy = await prisma.organisation.findFirstOrThrow({
        where: { name: { contains: 'CareRx' } },
      });
      const line = await prisma.orderLine.findFirstOrThrow({
        where: { order: { pharmacyId: pharmacy.id, state: 'DISPENSED' } },
        include: { order: true },
      });
      sentHere = { patientId: line.order.patientId, lineId: line.id };
      draftLine = (
        await prisma.orderLine.findFirstOrThrow({
          where: { order: { pharmacyId: pharmacy.id, state: 'DRAFT' } },
        })
      ).id;
      elsewhereLine = (
        await prisma.orderLine.findFirstOrThrow({ where: { order: { pharmacyId: { not: pharmacy.id } } } })
      ).id;
    });

    it('reads the patient of an order sent to the pharmacy: name and birth date, no MRN or email', async () => {
      const { status, body } = await fhirGet<Patient>(server, `Patient/${sentHere.patientId}`, pharmacist);
      expect(status).toBe(200);
      expect(body.name?.[0]?.family).toBeTruthy();
      expect(body.birthDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(body.identifier).toBeUndefined();
      expect(body.telecom?.some((contact) => contact.system === 'email') ?? false).toBe(false);
    });

    it("reads the order's lines and their dispensing", async () => {
      for (const type of ['MedicationRequest', 'MedicationDispense']) {
        expect((await fhirGet(server, `${type}/${sentHere.lineId}`, pharmacist)).status).toBe(200);
      }
    });

    it("never reaches a draft, another pharmacy's order, or a patient it has no order for", async () => {
      expect((await fhirGet(server, `MedicationRequest/${draftLine}`, pharmacist)).status).toBe(404);
      expect((await fhirGet(server, `MedicationRequest/${elsewhereLine}`, pharmacist)).status).toBe(404);
      expect((await fhirGet(server, `Patient/${northgate.Patient}`, pharmacist)).status).toBe(404);
    });

    it("is refused the clinic's records: scores, histories, trials, the whole record (403)", async () => {
      for (const path of [
        `Observation/${riverside.Observation}`,
        `MedicationStatement?patient=${sentHere.patientId}`,
        `Condition/${riverside.Condition}`,
        `Patient/${sentHere.patientId}/$everything`,
      ]) {
        const { status, body } = await fhirGet(server, path, pharmacist);
        expect(status, path).toBe(403);
        expect(issueCode(body)).toBe('forbidden');
      }
    });
  });
});

describe('the audit log', () => {
  const rowsAfter = (since: bigint) =>
    server.db.prisma.auditLog.findMany({ where: { id: { gt: since } }, orderBy: { id: 'asc' } });
  const lastId = async () =>
    (await server.db.prisma.auditLog.findFirst({ orderBy: { id: 'desc' } }))?.id ?? 0n;

  it('writes a READ row, ids only, for each read of patient data', async () => {
    const since = await lastId();
    const response = await fetch(`${server.url}/fhir/R4/Observation/${riverside.Observation}`, {
      headers: { cookie: clinician },
    });
    expect(response.status).toBe(200);
    const user = await server.db.prisma.user.findUniqueOrThrow({
      where: { email: 'clinician@riverside.demo' },
    });
    expect(await rowsAfter(since)).toEqual([
      expect.objectContaining({
        action: 'READ',
        entity: 'SymptomScore',
        entityId: riverside.Observation,
        actorId: user.id,
        organisationId: user.organisationId,
        requestId: response.headers.get('x-request-id'),
      }),
    ]);
  });

  it('writes one LIST row per kind of record a search or $everything shows', async () => {
    const since = await lastId();
    const { body } = await fhirGet<Bundle>(server, `Patient/${riverside.Patient}/$everything`, clinician);
    const rows = await rowsAfter(since);
    expect(rows.every((row) => row.action === 'LIST')).toBe(true);
    expect(rows.find((row) => row.entity === 'Patient')?.entityIds).toEqual([riverside.Patient]);
    const scores = (body.entry ?? []).filter((entry) => entry.resource?.resourceType === 'Observation');
    expect(rows.find((row) => row.entity === 'SymptomScore')?.entityIds).toHaveLength(scores.length);
    expect(new Set(rows.map((row) => row.entity)).size).toBe(rows.length);
  });

  it('writes nothing for a refusal, the capability statement or a directory read', async () => {
    const since = await lastId();
    await fhirGet(server, `Patient/${northgate.Patient}`, clinician);
    await fhirGet(server, `Patient/${riverside.Patient}`);
    await fhirGet(server, 'metadata');
    await fhirGet(server, `Practitioner/${riverside.Practitioner}`, clinician);
    expect(await rowsAfter(since)).toEqual([]);
  });
});
