import { isValidNpi } from '@ldn/rules';
import type { Role } from './api/invite-person.ts';
import type { OrganisationKind } from './api/organisations.ts';

/** Which roles each kind of organisation has (the API's rule, server/src/admin/roles.ts). */
export const ROLES_OF: Record<OrganisationKind, readonly Role[]> = {
  CLINIC: ['CLINICIAN', 'COORDINATOR'],
  PHARMACY: ['PHARMACIST'],
  NETWORK: ['ADMIN'],
};

/** Builds the link to hand over from the path the API answers (e.g. /accept-invitation?token=…). */
export function fullLink(path: string, origin: string): string {
  return new URL(path, origin).toString();
}

/**
 * Why an NPI is refused, or null: ten digits whose last is the check digit (`isValidNpi` of the
 * rules package, the same check the API makes).
 */
export function npiProblem(npi: string): string | null {
  const digits = npi.trim();
  if (!/^\d{10}$/.test(digits)) return 'An NPI is 10 digits.';
  if (!isValidNpi(digits)) return 'This NPI’s check digit does not match: check it for a typing error.';
  return null;
}
