import { type Medication, medicationDrugColumns, type Patient } from '@ldn/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aNetwork, signIn } from '../test/builders.ts';
import { fixedClock, startTestServer, type TestServer } from '../test/harness.ts';
import { aPatient, apiAs } from './patient.builders.ts';
import {
  ATTEST_OPIOID_FREE,
  CONSENT_POINTS_QUERY,
  ELIGIBILITY,
  PATIENT,
  PATIENTS,
  RECORD_CONSENT,
  RECORD_MEDICATION,
  RECORD_PRIOR_THERAPY,
  RECORD_SYMPTOM_SCORE,
  REGISTER,
  STOP_MEDICATION,
  UPDATE,
} from './patient.operations.ts';

type Variables = Record<string, unknown>;

describe('who may reach patients', () => {
  let server: TestServer;
  let cast: Awaited<ReturnType<typeof aNetwork>>;
  let patient: Patient;
  let medication: Medication;
  const cookies: Record<string, string> = {};
  beforeAll(async () => {
    server = await startTestServer({ clock: fixedClock('2026-03-10T15:00:00Z') });
    cast = await aNetwork(server.db.prisma);
    patient = await aPatient(server.db.prisma, cast.clinic.id, {
      givenName: 'Private',
      familyName: 'Person',
    });
    medication = await server.db.prisma.medication.create({
      data: {
        patientId: patient.id,
        ...medicationDrugColumns('gabapentin'),
        recordedById: cast.clinician.id,
      },
    });
    for (const role of ['clinician', 'coordinator', 'otherClinician', 'pharmacist', 'admin'] as const) {
      cookies[role] = await signIn(server, cast[role]);
    }
  });
  afterAll(async () => {
    await server?.close();
  });

  // Every operation of the patient API, with variables aimed at the clinic's patient.
  const operations = (): [string, string, Variables][] => [
    ['patients', PATIENTS, {}],
    ['patient', PATIENT, { id: patient.id }],
    ['eligibility', ELIGIBILITY, { patientId: patient.id, condition: 'CRPS' }],
    ['consentPoints', CONSENT_POINTS_QUERY, {}],
    [
      'registerPatient',
      REGISTER,
      { input: { mrn: 'NEW-1', givenName: 'New', familyName: 'Patient', dateOfBirth: '1990-01-01' } },
    ],
    ['updatePatient', UPDATE, { id: patient.id, version: 1, input: { city: 'Elsewhere' } }],
    [
      'recordPriorTherapy',
      RECORD_PRIOR_THERAPY,
      { patientId: patient.id, input: { drug: 'nortriptyline', outcome: 'INEFFECTIVE' } },
    ],
    // Attested before the opioid below is recorded: an attestation is refused while one is active (§11).
    ['attestOpioidFree', ATTEST_OPIOID_FREE, { patientId: patient.id, input: { attestedOn: '2026-03-10' } }],
    ['recordMedication', RECORD_MEDICATION, { patientId: patient.id, input: { drug: 'oxycodone' } }],
    ['stopMedication', STOP_MEDICATION, { medicationId: medication.id, stoppedOn: '2026-03-10' }],
    [
      'recordConsent',
      RECORD_CONSENT,
      { patientId: patient.id, input: { recordedOn: '2026-03-10', points: ['AVOID_OPIOIDS'] } },
    ],
    [
      'recordSymptomScore',
      RECORD_SYMPTOM_SCORE,
      { patientId: patient.id, input: { measure: 'PAIN_NRS', scoredOn: '2026-03-10', score: 5 } },
    ],
  ];
  const byName = (name: string) => operations().find(([n]) => n === name)!;
  const ALL = [
    'patients',
    'patient',
    'eligibility',
    'consentPoints',
    'registerPatient',
    'updatePatient',
    'recordPriorTherapy',
    'attestOpioidFree',
    'recordMedication',
    'stopMedication',
    'recordConsent',
    'recordSymptomScore',
  ];
  const BY_ID = ALL.filter((name) => !['patients', 'consentPoints', 'registerPatient'].includes(name));
  const rowCounts = async () => {
    const prisma = server.db.prisma;
    return Promise.all([
      prisma.patient.count(),
      prisma.priorTherapy.count(),
      prisma.medication.count({ where: { stoppedOn: null } }),
      prisma.opioidFreeAttestation.count(),
      prisma.consent.count(),
      prisma.symptomScore.count(),
      prisma.patient.findUniqueOrThrow({ where: { id: patient.id } }),
    ]);
  };

  it('lists every operation of the patient API', () => {
    expect(operations().map(([name]) => name)).toEqual(ALL);
  });

  describe.each(['pharmacist', 'admin'])('a %s', (role) => {
    it.each(ALL)('is FORBIDDEN %s and changes nothing', async (name) => {
      const [, document, variables] = byName(name);
      const before = await rowCounts();
      const response = await server.graphql(document, variables, { cookie: cookies[role] });
      expect(response.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
      expect(response.data ?? null).toBeNull();
      expect(await rowCounts()).toEqual(before);
    });
  });

  it.each(ALL)('someone signed out is UNAUTHENTICATED for %s', async (name) => {
    const [, document, variables] = byName(name);
    const response = await server.graphql(document, variables);
    expect(response.errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });

  describe('a clinician of another clinic', () => {
    it.each(BY_ID)('gets NOT_FOUND from %s, exactly as for an id that does not exist', async (name) => {
      const [, document, variables] = byName(name);
      const before = await rowCounts();
      const theirs = await server.graphql(document, variables, { cookie: cookies.otherClinician });
      const missingId = '00000000-0000-4000-8000-000000000000';
      const missing = await server.graphql(
        document,
        JSON.parse(
          JSON.stringify(variables).replaceAll(patient.id, missingId).replaceAll(medication.id, missingId),
        ),
        { cookie: cookies.clinician },
      );
      expect(theirs.errors?.[0]).toMatchObject({ extensions: { code: 'NOT_FOUND' } });
      expect(theirs.errors?.[0]?.message).toBe(missing.errors?.[0]?.message);
      expect(theirs.errors?.[0]?.extensions).toEqual(missing.errors?.[0]?.extensions);
      expect(await rowCounts()).toEqual(before);
    });

    it('sees none of this clinic’s patients in the list, even by exact name or MRN', async () => {
      const api = apiAs(server, cookies.otherClinician!);
      for (const search of [null, 'Private Person', patient.mrn]) {
        const data = await api<{ patients: { edges: unknown[]; totalCount: number } }>(PATIENTS, { search });
        expect(data.patients).toMatchObject({ edges: [], totalCount: 0 });
      }
    });
  });

  describe('clinic users', () => {
    it.each(['clinician', 'coordinator'])('a %s may use every operation', async (role) => {
      const fresh = await aPatient(server.db.prisma, cast.clinic.id);
      const api = apiAs(server, cookies[role]!);
      for (const [name, document, variables] of operations()) {
        const retargeted = JSON.parse(
          JSON.stringify(variables)
            .replaceAll(patient.id, fresh.id)
            .replace('"NEW-1"', JSON.stringify(`NEW-${role}`)),
        ) as Variables;
        await expect(api(document, retargeted), name).resolves.toBeDefined();
      }
    });
  });
});
