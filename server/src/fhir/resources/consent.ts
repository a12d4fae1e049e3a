import type { Consent as ConsentRow } from '@ldn/db';
import { CONSENT_POINTS } from '@ldn/rules';
import type { Consent } from '@medplum/fhirtypes';
import { OUR_SYSTEM, SYSTEM } from '../systems.ts';
import { fhirDate, ref } from './common.ts';

/**
 * The clinician's record that the patient understood the points of clinical-rules §7, each a
 * permitted provision code, for the LDN treatment.
 */
export function consentResource(row: ConsentRow, clinicId: string): Consent {
  return {
    resourceType: 'Consent',
    id: row.id,
    status: 'active',
    scope: { coding: [{ system: SYSTEM.consentScope, code: 'treatment' }] },
    category: [{ text: 'Informed consent to an off-label low-dose naltrexone trial' }],
    patient: ref('Patient', row.patientId),
    dateTime: fhirDate(row.recordedOn),
    organization: [ref('Organization', clinicId)],
    policyRule: { text: 'LDN trial consent: the four points of clinical-rules §7' },
    provision: {
      type: 'permit',
      code: row.points.map((point) => ({
        coding: [{ system: OUR_SYSTEM.consentPoint, code: point }],
        text: CONSENT_POINTS[point].text,
      })),
    },
  };
}
