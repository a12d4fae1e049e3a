import type { User } from '@ldn/db';
import type { Practitioner } from '@medplum/fhirtypes';
import { SYSTEM } from '../systems.ts';
import { present } from './common.ts';

/** A person of the network as a practitioner: the name, and a clinician's NPI. */
export function practitionerResource(user: User): Practitioner {
  return present<Practitioner>({
    resourceType: 'Practitioner',
    id: user.id,
    identifier: user.npi === null ? [] : [{ system: SYSTEM.npi, value: user.npi }],
    active: user.active,
    name: [{ text: user.name }],
  });
}
