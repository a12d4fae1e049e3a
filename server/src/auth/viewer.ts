import type { OrganisationKind, Role } from '@ldn/db';

/** The signed-in person a request acts for. */
export interface Viewer {
  userId: string;
  sessionId: string;
  organisationId: string;
  organisationKind: OrganisationKind;
  role: Role;
  name: string;
}
