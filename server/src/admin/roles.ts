import type { OrganisationKind, Role } from '@ldn/db';
import { isValidNpi } from '@ldn/rules';
import { CLINIC_ROLES } from '../access/action-roles.ts';
import { badInput } from '../platform/errors.ts';

/** Which roles each kind of organisation has (workflows.md). */
export const ROLES_OF: Record<OrganisationKind, readonly Role[]> = {
  CLINIC: CLINIC_ROLES,
  PHARMACY: ['PHARMACIST'],
  NETWORK: ['ADMIN'],
};

/** Refuses a role the organisation does not have, as BAD_USER_INPUT on `role`. */
export function assertRoleFits(kind: OrganisationKind, role: Role): void {
  if (!ROLES_OF[kind].includes(role)) {
    const allowed = ROLES_OF[kind].join(' or ');
    throw badInput('role', `A ${kind.toLowerCase()} has ${allowed} people, not ${role}.`);
  }
}

/**
 * The NPI a person of this role keeps: a clinician needs one with a valid check digit (orders carry
 * the prescriber's NPI); nobody else has one.
 */
export function npiFor(role: Role, npi: string | null | undefined): string | null {
  const given = npi?.trim() ?? '';
  if (role !== 'CLINICIAN') {
    if (given !== '') throw badInput('npi', 'Only clinicians have an NPI; leave it out for this role.');
    return null;
  }
  if (!isValidNpi(given)) throw badInput('npi', 'A clinician needs a 10-digit NPI with a valid check digit.');
  return given;
}
