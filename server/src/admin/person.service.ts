import type { Organisation, Prisma, Role, User } from '@ldn/db';
import { isUniqueViolation } from '@ldn/db';
import { isRecordId } from '../access/ids.ts';
import { forgetRecentSessions } from '../auth/recent-sessions.ts';
import { endSessionsOf } from '../auth/sessions.ts';
import type { Clock } from '../platform/clock.ts';
import { badInput, conflict, notFound } from '../platform/errors.ts';
import type { InvitePersonInput } from './person.inputs.ts';
import type { PersonLinkType, PersonType } from './person.types.ts';
import { assertRoleFits, npiFor } from './roles.ts';
import { issueToken, linkFor, TOKEN_LIFETIME_MS } from './user-tokens.ts';

type Tx = Prisma.TransactionClient;
type UserWithOrganisation = User & { organisation: Organisation };

/** The person as the API shows them: never the password hash. */
export function personOf(user: UserWithOrganisation): PersonType {
  const { organisation } = user;
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    npi: user.npi,
    organisation: { id: organisation.id, name: organisation.name, kind: organisation.kind },
    active: user.active,
    deactivatedAt: user.deactivatedAt,
    invitationPending: user.passwordHash === null,
    createdAt: user.createdAt,
  };
}

/** A person by id, with their organisation; an id that names nobody is NOT_FOUND. */
export async function personById(tx: Tx, userId: string): Promise<UserWithOrganisation> {
  const user = isRecordId(userId)
    ? await tx.user.findUnique({ where: { id: userId }, include: { organisation: true } })
    : null;
  if (user === null) throw notFound('Person');
  return user;
}

/** A one-time link for the person, with the person as they are now. */
export async function personLink(
  tx: Tx,
  user: UserWithOrganisation,
  kind: 'INVITATION' | 'PASSWORD_RESET',
  createdById: string | null,
  clock: Clock,
): Promise<PersonLinkType> {
  const token = await issueToken(tx, { userId: user.id, kind, createdById }, clock);
  return {
    person: personOf(user),
    link: linkFor(kind, token),
    expiresAt: new Date(clock.now().getTime() + TOKEN_LIFETIME_MS[kind]),
  };
}

/** Prisma's unique-constraint violation (here: the email). */

/**
 * Creates the person without a password (they choose it through the invitation link) and
 * returns the link. The role must fit the organisation; a clinician needs a valid NPI.
 */
export async function invitePerson(
  tx: Tx,
  input: Pick<InvitePersonInput, 'email' | 'name' | 'organisationId' | 'role' | 'npi'>,
  invitedById: string | null,
  clock: Clock,
): Promise<PersonLinkType> {
  const organisation = await tx.organisation.findUnique({ where: { id: input.organisationId } });
  if (organisation === null) throw badInput('organisationId', 'Choose an organisation from the list.');
  if (!organisation.active) throw badInput('organisationId', 'This organisation is not active.');
  assertRoleFits(organisation.kind, input.role);
  const npi = npiFor(input.role, input.npi);
  const email = input.email.trim().toLowerCase();
  // A failed insert would abort the transaction, so ask first; the unique index still decides races.
  if ((await tx.user.count({ where: { email } })) > 0) throw emailTaken();
  const user = await tx.user
    .create({
      data: {
        email,
        name: input.name.trim(),
        role: input.role,
        npi,
        organisationId: organisation.id,
        passwordHash: null,
        createdAt: clock.now(),
      },
      include: { organisation: true },
    })
    .catch((error: unknown) => {
      throw isUniqueViolation(error) ? emailTaken() : error;
    });
  return personLink(tx, user, 'INVITATION', invitedById, clock);
}

const emailTaken = () => badInput('email', 'Someone already has an account with this email.');

/**
 * Refuses a change that would leave no active administrator. Locks the administrators' rows first,
 * so two administrators deactivating each other at once cannot both succeed.
 */
export async function assertAnotherActiveAdmin(tx: Tx, leavingUserId: string): Promise<void> {
  await tx.$queryRaw`SELECT "id" FROM "User" WHERE "role" = 'ADMIN' AND "active" FOR UPDATE`;
  const others = await tx.user.count({ where: { role: 'ADMIN', active: true, id: { not: leavingUserId } } });
  if (others === 0) {
    throw badInput('userId', 'This is the last active administrator; make another one first.');
  }
}

/** Stops the person signing in (if still active) and ends their live sessions, as of `now`. */
export async function deactivateIn(tx: Tx, userId: string, now: Date): Promise<void> {
  await tx.user.updateMany({
    where: { id: userId, active: true },
    data: { active: false, deactivatedAt: now },
  });
  await endSessionsOf(tx, userId, now);
}

/** Lets a deactivated person sign in again; their ended sessions stay ended. */
export async function reactivateIn(tx: Tx, userId: string): Promise<void> {
  await tx.user.updateMany({
    where: { id: userId, active: false },
    data: { active: true, deactivatedAt: null },
  });
}

/** Moves the person to `role` (with `npi`) only if their role is still the one read; else CONFLICT. */
export async function changeRoleIn(
  tx: Tx,
  person: Pick<User, 'id' | 'role'>,
  role: Role,
  npi: string | null,
): Promise<void> {
  // A session read before the change would answer with the old role (auth/recent-sessions.ts).
  forgetRecentSessions();
  const { count } = await tx.user.updateMany({
    where: { id: person.id, role: person.role },
    data: { role, npi },
  });
  if (count !== 1) throw conflict();
}
