import { grantDataAccess, withDataAccessSlot } from '@ldn/db';
import type { NextFunction, Request, Response } from 'express';
import type { Viewer } from '../auth/viewer.ts';

/**
 * Gives the rest of the request a slot for its data access. Mounted after the body is read: a
 * stream's events would not carry the slot into what follows them.
 */
export function dataAccessSlot(_req: Request, _res: Response, next: NextFunction): void {
  withDataAccessSlot(next);
}

/**
 * The database's own check, behind the resolvers' scopes: from here on every statement of the
 * request runs as the viewer's organisation, and row-level security keeps it there. A request with
 * no one signed in stays the system's (it can only sign in).
 */
export function enterViewerOrganisation(viewer: Viewer | null): Viewer | null {
  if (viewer !== null)
    grantDataAccess({ organisationId: viewer.organisationId, organisationKind: viewer.organisationKind });
  return viewer;
}
