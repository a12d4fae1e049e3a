import type { Database, Organisation, Prisma, User } from '@ldn/db';
import { systemRepositoryOf } from '../access/system-repository.ts';
import { audit } from '../audit/audit.ts';
import type { Clock } from '../platform/clock.ts';
import { isAppError } from '../platform/errors.ts';
import { invitePerson, personLink } from './person.service.ts';
import type { PersonLinkType } from './person.types.ts';

export interface FirstAdminRequest {
  email: string;
  name: string;
  /** Add an administrator even though an active one exists (e.g. the only one lost their password). */
  force: boolean;
  /** The network administration's name, when it has to be created. */
  networkName?: string;
}

export interface FirstAdmin {
  userId: string;
  organisationId: string;
  createdOrganisation: boolean;
  /** False when the email was an existing administrator's and they got a fresh link. */
  createdPerson: boolean;
  /** INVITATION for a new administrator; PASSWORD_RESET for an existing one who has a password. */
  kind: 'INVITATION' | 'PASSWORD_RESET';
  /** The link as a path on the portal (`/accept-invitation?token=…`). */
  link: string;
  expiresAt: Date;
}

const resultOf = (issued: PersonLinkType, organisationId: string, createdOrganisation: boolean) => ({
  userId: issued.person.id,
  organisationId,
  createdOrganisation,
  link: issued.link,
  expiresAt: issued.expiresAt,
});

/** Why the command did nothing; its message is meant for the person at the terminal. */
export class FirstAdminRefused extends Error {
  override readonly name = 'FirstAdminRefused';
}

/** Any fixed number, distinct from the migration applier's lock. */
const FIRST_ADMIN_LOCK = 7_245_302;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

type Tx = Prisma.TransactionClient;
const SYSTEM = { viewer: null, requestId: 'cli:admin-create' };

/** The network administration (the oldest, should there be several), created if there is none. */
async function networkOrganisation(tx: Tx, name: string | undefined) {
  const network = await tx.organisation.findFirst({
    where: { kind: 'NETWORK' },
    orderBy: { createdAt: 'asc' },
  });
  if (network !== null) return { network, createdOrganisation: false };
  const created = await tx.organisation.create({
    data: { kind: 'NETWORK', name: name?.trim() || 'Network administration' },
  });
  await audit(tx, SYSTEM, 'CREATE', 'Organisation', created.id);
  return { network: created, createdOrganisation: true };
}

/** Recovery: a fresh link for an administrator who lost theirs, reactivated if need be. */
async function freshLinkFor(tx: Tx, existing: User & { organisation: Organisation }, clock: Clock) {
  if (existing.role !== 'ADMIN')
    throw new FirstAdminRefused('Someone who is not an administrator has this email.');
  await tx.user.update({ where: { id: existing.id }, data: { active: true, deactivatedAt: null } });
  const kind: FirstAdmin['kind'] = existing.passwordHash === null ? 'INVITATION' : 'PASSWORD_RESET';
  const issued = await personLink(tx, { ...existing, active: true }, kind, null, clock);
  await audit(tx, SYSTEM, kind === 'INVITATION' ? 'INVITE' : 'PASSWORD_RESET_LINK', 'User', existing.id);
  return { issued, kind };
}

/**
 * Bootstraps administration on a migrated database: the NETWORK organisation if there is none, and
 * an ADMIN with an invitation link. Refuses when an active ADMIN exists, unless `force`; with `force`
 * and the email of an existing administrator, gives them a fresh link (the only admin lost access).
 * One transaction, so a refusal or failure leaves nothing behind.
 */
export async function createFirstAdmin(
  db: Pick<Database, 'prisma'>,
  request: FirstAdminRequest,
  clock: Clock,
): Promise<FirstAdmin> {
  const email = request.email.trim().toLowerCase();
  const name = request.name.trim();
  if (!EMAIL.test(email) || email.length > 254)
    throw new FirstAdminRefused('--email must be an email address.');
  if (name === '' || name.length > 200) throw new FirstAdminRefused('--name must be 1 to 200 characters.');
  // system: the first administrator is made before anyone can sign in, from the command line.
  return systemRepositoryOf(db, 'admin:create').transaction(async (tx) => {
    // Two runs at once: the second waits here (until the first commits) and then sees its admin.
    await tx.$queryRaw`SELECT 1 AS "locked" FROM (SELECT pg_advisory_xact_lock(${FIRST_ADMIN_LOCK})) AS "lock"`;
    if (!request.force && (await tx.user.count({ where: { role: 'ADMIN', active: true } })) > 0) {
      throw new FirstAdminRefused(
        'An active administrator already exists: they can invite more people. Use --force to add one anyway.',
      );
    }
    const { network, createdOrganisation } = await networkOrganisation(tx, request.networkName);
    const existing = await tx.user.findUnique({ where: { email }, include: { organisation: true } });
    if (existing !== null) {
      const { issued, kind } = await freshLinkFor(tx, existing, clock);
      return {
        ...resultOf(issued, existing.organisationId, createdOrganisation),
        createdPerson: false,
        kind,
      };
    }
    const admin = { email, name, organisationId: network.id, role: 'ADMIN' as const, npi: null };
    const invited = await invitePerson(tx, admin, null, clock).catch((error: unknown) => {
      throw isAppError(error) ? new FirstAdminRefused(error.message) : error;
    });
    await audit(tx, SYSTEM, 'INVITE', 'User', invited.person.id);
    return { ...resultOf(invited, network.id, createdOrganisation), createdPerson: true, kind: 'INVITATION' };
  });
}
