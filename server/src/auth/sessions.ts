import { createHash, randomBytes } from 'node:crypto';
import type { PrismaClient } from '@ldn/db';
import type { Response } from 'express';
import type { Clock } from '../platform/clock.ts';
import type { Config } from '../platform/config.ts';
import type { Viewer } from './viewer.ts';

export const SESSION_COOKIE = 'ldn_session';

/** Only the hash is stored, so a copy of the database does not hand out live sessions. */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Seen-at is written at most this often, so reads do not each cost a write. */
const TOUCH_AFTER_MS = 60_000;

export async function createSession(
  prisma: PrismaClient,
  userId: string,
  config: Config,
  clock: Clock,
  userAgent: string | undefined,
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const now = clock.now();
  await prisma.session.create({
    data: {
      userId,
      tokenHash: hashToken(token),
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + config.sessionMaxHours * 3_600_000),
      userAgent: userAgent?.slice(0, 300) ?? null,
    },
  });
  return token;
}

/** The viewer of a live session: not revoked, not past its absolute or idle expiry, person active. */
export async function resolveViewer(
  prisma: PrismaClient,
  token: string | undefined,
  config: Config,
  clock: Clock,
): Promise<Viewer | null> {
  if (token === undefined || token.length < 20 || token.length > 100) return null;
  const session = await prisma.session.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { user: { include: { organisation: true } } },
  });
  if (session === null || session.revokedAt !== null) return null;
  const now = clock.now().getTime();
  const idleUntil = session.lastSeenAt.getTime() + config.sessionIdleMinutes * 60_000;
  if (session.expiresAt.getTime() <= now || idleUntil <= now) return null;
  if (!session.user.active || !session.user.organisation.active) return null;
  if (now - session.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    await prisma.session.update({ where: { id: session.id }, data: { lastSeenAt: new Date(now) } });
  }
  return {
    userId: session.user.id,
    sessionId: session.id,
    organisationId: session.user.organisationId,
    organisationKind: session.user.organisation.kind,
    role: session.user.role,
    name: session.user.name,
  };
}

export function setSessionCookie(res: Response, token: string, config: Config): void {
  res.cookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: config.production,
    path: '/',
    maxAge: config.sessionMaxHours * 3_600_000,
  });
}

export function clearSessionCookie(res: Response, config: Config): void {
  res.clearCookie(SESSION_COOKIE, {
    httpOnly: true,
    sameSite: 'strict',
    secure: config.production,
    path: '/',
  });
}

/** The session token from the Cookie header (no cookie-parser needed for one cookie). */
export function sessionTokenOf(cookieHeader: string | undefined): string | undefined {
  if (cookieHeader === undefined) return undefined;
  for (const part of cookieHeader.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SESSION_COOKIE) return decodeURIComponent(value.join('='));
  }
  return undefined;
}
