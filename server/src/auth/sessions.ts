import { createHash, randomBytes } from 'node:crypto';
import { type OrganisationKind, Prisma, type PrismaClient, preparedMark, type Role } from '@ldn/db';
import type { Response } from 'express';
import type { Clock } from '../platform/clock.ts';
import type { Config } from '../platform/config.ts';
import { forgetRecentSessions, RecentSessions } from './recent-sessions.ts';
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

/** Each database's recent sessions (tests open several databases in one process). */
const recentSessionsOf = new WeakMap<PrismaClient, RecentSessions<SessionOfViewer>>();

function recentSessions(prisma: PrismaClient, config: Config): RecentSessions<SessionOfViewer> {
  let recent = recentSessionsOf.get(prisma);
  if (recent === undefined) {
    recent = new RecentSessions(config.sessionRecentMs);
    recentSessionsOf.set(prisma, recent);
  }
  return recent;
}

/**
 * The viewer of a live session: not revoked, not past its absolute or idle expiry, person active.
 * A request counts as activity (`touch`); a live socket's checks do not, so a page left open does
 * not keep its session from idling out. A live session read in the last `sessionRecentMs` answers
 * again (recent-sessions.ts: ending a session or changing a person here forgets it at once).
 */
export async function resolveViewer(
  prisma: PrismaClient,
  token: string | undefined,
  config: Config,
  clock: Clock,
  { touch = true }: { touch?: boolean } = {},
): Promise<Viewer | null> {
  if (token === undefined || token.length < 20 || token.length > 100) return null;
  const tokenHash = hashToken(token);
  const recent = recentSessions(prisma, config);
  const readLive = () => recent.read(tokenHash, () => liveSessionOfToken(prisma, tokenHash));
  const now = clock.now().getTime();
  let session = await readLive();
  if (session !== null && !withinItsTime(session, config, now)) {
    // A kept read may be behind the database (another process saw the person since): read again.
    recent.drop(tokenHash);
    session = await readLive();
  }
  if (session === null || !withinItsTime(session, config, now)) return null;
  if (touch && now - session.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    // On the kept read too, so the requests sharing it do not each write the same touch.
    session.lastSeenAt = new Date(now);
    try {
      await prisma.session.update({ where: { id: session.id }, data: { lastSeenAt: session.lastSeenAt } });
    } catch (error) {
      recent.drop(tokenHash);
      throw error;
    }
  }
  return {
    userId: session.userId,
    sessionId: session.id,
    organisationId: session.organisationId,
    organisationKind: session.organisationKind,
    role: session.role,
    name: session.name,
  };
}

/** Not past its absolute expiry, nor idle too long, at `now`. */
function withinItsTime(session: SessionOfViewer, config: Config, now: number): boolean {
  const idleUntil = session.lastSeenAt.getTime() + config.sessionIdleMinutes * 60_000;
  return session.expiresAt.getTime() > now && idleUntil > now;
}

/** Ends one session as of `now` (signing out): it cannot be used again. */
export async function endSession(tx: Prisma.TransactionClient, sessionId: string, now: Date): Promise<void> {
  forgetRecentSessions();
  await tx.session.update({ where: { id: sessionId }, data: { revokedAt: now } });
}

/** Ends one of the person's own live sessions as of `now`; false when it is not theirs or not live. */
export async function endOwnSession(
  tx: Prisma.TransactionClient,
  sessionId: string,
  userId: string,
  now: Date,
): Promise<boolean> {
  forgetRecentSessions();
  const { count } = await tx.session.updateMany({
    where: { id: sessionId, userId, revokedAt: null },
    data: { revokedAt: now },
  });
  return count === 1;
}

/** Ends the person's live sessions as of `now`, all of them or all but `keep`; answers how many ended. */
export async function endSessionsOf(
  tx: Prisma.TransactionClient,
  userId: string,
  now: Date,
  keep?: string,
): Promise<number> {
  forgetRecentSessions();
  const { count } = await tx.session.updateMany({
    where: { userId, revokedAt: null, ...(keep === undefined ? {} : { id: { not: keep } }) },
    data: { revokedAt: now },
  });
  return count;
}

/** A live session with what the viewer needs of its person and organisation. */
interface SessionOfViewer {
  id: string;
  lastSeenAt: Date;
  expiresAt: Date;
  userId: string;
  name: string;
  role: Role;
  organisationId: string;
  organisationKind: OrganisationKind;
}

/**
 * The session of a token hash with its person and organisation, in one statement (every request
 * starts here, and Prisma reads an `include` as one statement per table: issue #16); null unless
 * the session is not revoked and its person and organisation are active.
 */
async function liveSessionOfToken(prisma: PrismaClient, tokenHash: string): Promise<SessionOfViewer | null> {
  const [session] = await prisma.$queryRaw<SessionOfViewer[]>`${Prisma.raw(preparedMark('session'))}
    SELECT s.id, s."lastSeenAt", s."expiresAt",
           u.id AS "userId", u.name, u.role::text AS role,
           o.id AS "organisationId", o.kind::text AS "organisationKind"
    FROM "Session" s
    JOIN "User" u ON u.id = s."userId"
    JOIN "Organisation" o ON o.id = u."organisationId"
    WHERE s."tokenHash" = ${tokenHash} AND s."revokedAt" IS NULL AND u.active AND o.active`;
  return session ?? null;
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
