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
