import { randomBytes } from 'node:crypto';
import type { Prisma, UserTokenKind } from '@ldn/db';
import { hashToken } from '../auth/sessions.ts';
import type { Clock } from '../platform/clock.ts';
import { badInput } from '../platform/errors.ts';

type Tx = Prisma.TransactionClient;

/** How long a one-time link works. */
export const TOKEN_LIFETIME_MS: Record<UserTokenKind, number> = {
  INVITATION: 7 * 24 * 3_600_000,
  PASSWORD_RESET: 24 * 3_600_000,
};

/** Where the portal takes a link's token: relative, since there is no mail server and no fixed host. */
export const LINK_PATH: Record<UserTokenKind, string> = {
  INVITATION: '/accept-invitation',
  PASSWORD_RESET: '/reset-password',
};

/** The portal path that takes this token. */
export const linkFor = (kind: UserTokenKind, token: string) =>
  `${LINK_PATH[kind]}?token=${encodeURIComponent(token)}`;

/**
 * Issues a one-time token and returns it; only its hash is stored. Earlier unused tokens of the same
 * kind for the person stop working, so only the latest link handed over is live.
 */
export async function issueToken(
  tx: Tx,
  args: { userId: string; kind: UserTokenKind; createdById: string | null },
  clock: Clock,
): Promise<string> {
  const now = clock.now();
  await tx.userToken.updateMany({
    where: { userId: args.userId, kind: args.kind, usedAt: null, expiresAt: { gt: now } },
    data: { expiresAt: now },
  });
  const token = randomBytes(32).toString('base64url');
  await tx.userToken.create({
    data: {
      userId: args.userId,
      kind: args.kind,
      tokenHash: hashToken(token),
      createdAt: now,
      expiresAt: new Date(now.getTime() + TOKEN_LIFETIME_MS[args.kind]),
      createdById: args.createdById,
    },
  });
  return token;
}

// One answer for unknown, expired, used and superseded links, so a guess learns nothing.
const unusable = () =>
  badInput('token', 'This link has expired or has already been used. Ask an administrator for a new one.');

/**
 * Uses a token once: marks it used only if it is still unused and unexpired (one conditional
 * update, so two requests with the same link cannot both succeed). Returns the person it is for.
 */
export async function consumeToken(tx: Tx, token: string, kind: UserTokenKind, clock: Clock) {
  if (token.length < 20 || token.length > 100) throw unusable();
  const now = clock.now();
  const tokenHash = hashToken(token);
  const { count } = await tx.userToken.updateMany({
    where: { tokenHash, kind, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  if (count !== 1) throw unusable();
  const { user } = await tx.userToken.findUniqueOrThrow({
    where: { tokenHash },
    include: { user: { include: { organisation: true } } },
  });
  // A deactivated person's links die with the account (the transaction rolls the use back).
  if (!user.active || !user.organisation.active) throw unusable();
  return user;
}
