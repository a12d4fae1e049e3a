import type { PrismaClient } from '@ldn/db';
import type { Loaders } from '../access/loaders.ts';
import { Repository } from '../access/repository.ts';
import type { Viewer } from '../auth/viewer.ts';
import { forbidden, unauthenticated } from '../platform/errors.ts';

/**
 * The network administration's access: an ADMIN of a NETWORK organisation. `@Authorized('ADMIN')`
 * checks the role; this checks the organisation too, so an ADMIN row misfiled under a clinic gets
 * nothing. Administration reads organisations and people across the installation by design, so the
 * client it hands out is deliberately unscoped — and it never reads patient data: the audit search
 * by patient reads one patient's record ids only (`audit-patient.ts`).
 */
export class AdminRepository extends Repository {
  private constructor(
    readonly viewer: Viewer,
    prisma: PrismaClient,
    loaders: Loaders,
    requestId: string,
  ) {
    super(prisma, loaders, { viewer, requestId });
  }

  /** The network's administrator; anyone else is refused before anything is read. */
  static for(
    viewer: Viewer | null,
    prisma: PrismaClient,
    loaders: Loaders,
    requestId: string,
  ): AdminRepository {
    if (viewer === null) throw unauthenticated();
    if (viewer.role !== 'ADMIN' || viewer.organisationKind !== 'NETWORK') {
      throw forbidden('administer the network');
    }
    return new AdminRepository(viewer, prisma, loaders, requestId);
  }
}
