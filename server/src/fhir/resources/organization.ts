import type { Organisation } from '@ldn/db';
import type { Organization } from '@medplum/fhirtypes';
import { OUR_SYSTEM } from '../systems.ts';
import { addressOf, present } from './common.ts';

const KIND_TEXT = { CLINIC: 'Clinic', PHARMACY: 'Compounding pharmacy', NETWORK: 'Network administration' };

/** A clinic or pharmacy: name, kind, phone, address, and a pharmacy's state board licence. */
export function organizationResource(row: Organisation): Organization {
  return present<Organization>({
    resourceType: 'Organization',
    id: row.id,
    identifier:
      row.licenceNumber === null ? [] : [{ system: OUR_SYSTEM.pharmacyLicence, value: row.licenceNumber }],
    active: row.active,
    type: [{ text: KIND_TEXT[row.kind] }],
    name: row.name,
    telecom: row.phone === null ? [] : [{ system: 'phone', value: row.phone }],
    address: addressOf(row),
  });
}
