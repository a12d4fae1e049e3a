import type { CapabilityStatement, CapabilityStatementRestResource, ResourceType } from '@medplum/fhirtypes';
import { DIRECTORY_RESOURCES, PATIENT_RESOURCES } from './fhir-resources.ts';

/** When this statement last changed (the API's own version, not the date it is served). */
const STATEMENT_DATE = '2026-11-28';

function patientResource(type: ResourceType): CapabilityStatementRestResource {
  return {
    type,
    interaction: [
      { code: 'read' },
      { code: 'search-type' },
      ...(type === 'Patient' ? [{ code: 'create' as const }] : []),
    ],
    searchParam:
      type === 'Patient'
        ? [{ name: '_id', type: 'token' }]
        : [{ name: 'patient', type: 'reference', documentation: 'Patient/{id} or {id}' }],
    ...(type === 'Patient'
      ? {
          operation: [
            { name: 'everything', definition: 'http://hl7.org/fhir/OperationDefinition/Patient-everything' },
          ],
        }
      : {}),
  };
}

/** What the FHIR API serves: read and search by patient, `$everything`, Patient create, JSON only. */
export function capabilityStatement(): CapabilityStatement {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: STATEMENT_DATE,
    publisher: 'LDN trials',
    kind: 'instance',
    software: { name: 'LDN trials FHIR API' },
    implementation: { description: 'FHIR R4 view of LDN trial records, and patients brought in from an EHR' },
    fhirVersion: '4.0.1',
    format: ['application/fhir+json'],
    rest: [
      {
        mode: 'server',
        security: {
          description:
            "Signed in with the portal session cookie (the GraphQL signIn), or a system's API token issued by the network's administrators (Authorization: Bearer ldn_…), read-only and for one organisation. Each reads what the organisation may: a clinic its patients, a pharmacy what its orders need, an administrator no patient data. Only a clinic's person creates a Patient. Every read of patient data is audited.",
        },
        resource: [
          ...(Object.keys(PATIENT_RESOURCES) as ResourceType[]).map(patientResource),
          ...DIRECTORY_RESOURCES.map((type) => ({ type, interaction: [{ code: 'read' as const }] })),
        ],
      },
    ],
  };
}
