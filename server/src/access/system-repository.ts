import type { Database, Organisation, PrismaClient, Session, User } from '@ldn/db';
import { hasDemoData, seedDemo } from '@ldn/db/demo';
import { readerOfApiToken, type TokenReader } from '../api-tokens/api-token.auth.ts';
import { type AuditAction, type AuditContext, audit } from '../audit/audit.ts';
import { createSession, resolveViewer } from '../auth/sessions.ts';
import { SignInThrottle, type ThrottlePolicy } from '../auth/throttle.ts';
import type { Viewer } from '../auth/viewer.ts';
import { type RescreenResult, rescreenDrugRecords } from '../drugs/drug-rescreen.ts';
import type { Clock } from '../platform/clock.ts';
import type { Config } from '../platform/config.ts';
import { Loaders } from './loaders.ts';
import { Repository } from './repository.ts';

/** A person with their organisation, as sign-in and one's own account read them. */
export type PersonRow = User & { organisation: Organisation };

/**
 * The system's door, named as such: what no organisation's repository may do because nobody is
 * known yet or the work belongs to no organisation — signing in, a session's own rows, an
 * invitation's token, the throttles' counts, a patient's link found by its token, start-up jobs and
 * the retention job. Its client is not held to an organisation by this layer (the database still
 * holds a signed-in request to its organisation: data-access.ts). Every use outside `access/` carries
 * a `// system:` comment saying why (one-door.test.ts fails without it).
 */
export class SystemRepository extends Repository {
  /** A throttle's counts (sign-in, a FHIR token's guesses, a patient link's date of birth and reports). */
  throttle(clock: Clock, policy: ThrottlePolicy, namespace?: string): SignInThrottle {
    return new SignInThrottle(this.prisma, clock, policy, namespace);
  }

  /** The viewer of a session's token, or null when the session is not live (sessions.ts). */
  viewerOfSession(
    token: string | undefined,
    config: Config,
    clock: Clock,
    options?: { touch?: boolean },
  ): Promise<Viewer | null> {
    return resolveViewer(this.prisma, token, config, clock, options);
  }

  /** A new session for a person who has just signed in: its token, which only the cookie keeps. */
  openSession(userId: string, config: Config, clock: Clock, userAgent: string | undefined): Promise<string> {
    return createSession(this.prisma, userId, config, clock, userAgent);
  }

  /** The organisation a presented API token reads for, or null when it is not a live token of ours. */
  apiTokenReader(presented: string, clock: Clock): Promise<TokenReader | null> {
    return readerOfApiToken(this.prisma, presented, clock);
  }

  /** A person by id, with their organisation (the signed-in person's own row). */
  person(userId: string): Promise<PersonRow> {
    return this.prisma.user.findUniqueOrThrow({ where: { id: userId }, include: { organisation: true } });
  }

  /** The person with this (normalised) email, or null: sign-in's lookup. */
  personByEmail(email: string): Promise<PersonRow | null> {
    return this.prisma.user.findUnique({ where: { email }, include: { organisation: true } });
  }

  /** A person's sessions not revoked, not expired and used since `idleSince`, most recently used first. */
  liveSessionsOf(userId: string, now: Date, idleSince: Date): Promise<Session[]> {
    return this.prisma.session.findMany({
      where: { userId, revokedAt: null, expiresAt: { gt: now }, lastSeenAt: { gt: idleSince } },
      orderBy: [{ lastSeenAt: 'desc' }, { id: 'asc' }],
    });
  }

  /** An audit row naming another actor than the request's viewer (the person just signed in, a token). */
  auditAs(actor: AuditContext, action: AuditAction, entity: string, entityId: string | null): Promise<void> {
    return audit(this.prisma, actor, action, entity, entityId);
  }

  /** Resolves when the database answers a statement (the readiness check). */
  async databaseAnswers(): Promise<void> {
    await this.prisma.$queryRaw`SELECT 1`;
  }

  /** The start-up re-screen of every drug record classified with another vocabulary (drug-rescreen.ts). */
  rescreenDrugRecords(): Promise<RescreenResult> {
    return rescreenDrugRecords(this.prisma);
  }

  /** Loads the demo data unless it is there already; true when it was loaded now. */
  async seedDemoOnce(): Promise<boolean> {
    if (await hasDemoData(this.prisma)) return false;
    await seedDemo(this.prisma);
    return true;
  }

  /** The unscoped client, for system work that takes a client of its own (the retention job, a patient's link). */
  get unscoped(): PrismaClient {
    return this.prisma;
  }
}

/**
 * The system's door outside a request (start-up, the CLI, a socket's session checks, a FHIR request
 * before its requester is known). Each caller says why in a `// system:` comment.
 */
export function systemRepositoryOf(db: Pick<Database, 'prisma'>, requestId = 'system'): SystemRepository {
  return new SystemRepository(db.prisma, new Loaders(db.prisma), { viewer: null, requestId });
}
