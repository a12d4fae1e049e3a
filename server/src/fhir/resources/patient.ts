import type { Patient as PatientRow } from '@ldn/db';
import type { ContactPoint, Patient } from '@medplum/fhirtypes';
import { OUR_SYSTEM, SYSTEM } from '../systems.ts';
import { addressOf, fhirDate, present, ref } from './common.ts';

/** How much of a patient a reader gets: the clinic the whole record, a pharmacy what an order needs. */
export type PatientView = 'CLINIC' | 'PHARMACY';

function telecomOf(row: PatientRow, view: PatientView): ContactPoint[] {
  const telecom: ContactPoint[] = [];
  if (row.phone !== null) telecom.push({ system: 'phone', value: row.phone });
  if (row.email !== null && view === 'CLINIC') telecom.push({ system: 'email', value: row.email });
  return telecom;
}

/**
 * A patient: the MRN (in the clinic's own namespace), name, date of birth, phone, email and address.
 * A pharmacy gets the name, date of birth, phone and address its orders need — no MRN, no email.
 */
export function patientResource(row: PatientRow, view: PatientView): Patient {
  return present<Patient>({
    resourceType: 'Patient',
    id: row.id,
    meta: { lastUpdated: row.updatedAt.toISOString() },
    identifier:
      view === 'CLINIC'
        ? [
            {
              use: 'usual',
              type: {
                coding: [{ system: SYSTEM.identifierType, code: 'MR' }],
                text: 'Medical record number',
              },
              system: OUR_SYSTEM.mrn(row.clinicId),
              value: row.mrn,
            },
          ]
        : [],
    active: true,
    name: [{ use: 'official', family: row.familyName, given: [row.givenName] }],
    telecom: telecomOf(row, view),
    birthDate: fhirDate(row.dateOfBirth),
    address: addressOf(row),
    managingOrganization: view === 'CLINIC' ? ref('Organization', row.clinicId) : undefined,
  });
}
