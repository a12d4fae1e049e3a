import { createHash, randomBytes } from 'node:crypto';
import type { PatientLink, Trial } from '@ldn/db';
import { grantDataAccess, Prisma } from '@ldn/db';
import type { Response } from 'express';
import { hashToken } from '../auth/sessions.ts';
import type { Context } from '../graphql/context.ts';
import { AppError, notFound } from '../platform/errors.ts';
import type { Client } from './repository.ts';
import type { SystemRepository } from './system-repository.ts';

/** Why a link no longer opens the report page (ACTIVE: it does). */
export type PatientLinkState = 'ACTIVE' | 'REVOKED' | 'EXPIRED' | 'LOCKED' | 'TRIAL_ENDED';

/** The state of a link as of `now`: revoked, locked, expired, its trial ended or voided, else active. */
export function linkStateOf(link: PatientLink, trial: Trial, now: Date): PatientLinkState {
  if (link.revokedAt !== null) return 'REVOKED';
  if (link.lockedAt !== null) return 'LOCKED';
  if (trial.enteredInErrorAt !== null || trial.endedOn !== null || trial.state === 'DISCONTINUED')
    return 'TRIAL_ENDED';
  return link.expiresAt <= now ? 'EXPIRED' : 'ACTIVE';
}

/**
 * linkStateOf in SQL, for a row with a "linkId": its link is no longer ACTIVE. No state goes back
 * to ACTIVE (a new link is issued instead), so what the link's devices hold serves nothing more and
 * the retention job may delete them.
 */
export function linkNoLongerWorks(now: Date): Prisma.Sql {
  return Prisma.sql`EXISTS (SELECT 1 FROM "PatientLink" l JOIN "Trial" t ON t."id" = l."trialId"
    WHERE l."id" = "linkId" AND (l."revokedAt" IS NOT NULL OR l."lockedAt" IS NOT NULL
      OR t."enteredInErrorAt" IS NOT NULL OR t."endedOn" IS NOT NULL OR t."state" = 'DISCONTINUED'
      OR l."expiresAt" <= ${now}::timestamptz))`;
}

const STATE_MESSAGES: Record<Exclude<PatientLinkState, 'ACTIVE'>, string> = {
  REVOKED: 'This link has been turned off by your clinic. Ask them for a new one.',
  EXPIRED: 'This link has expired. Ask your clinic for a new one.',
  LOCKED: 'This link is locked after too many wrong dates of birth. Ask your clinic for a new one.',
  TRIAL_ENDED: 'Your LDN trial has ended, so this link no longer takes reports.',
};

/** Why a link that is not active takes no report, in plain words for the patient. */
export const linkStateMessage = (state: Exclude<PatientLinkState, 'ACTIVE'>) => STATE_MESSAGES[state];

/** INVALID_TRANSITION naming the link's state: it writes nothing. */
export const linkUnusable = (state: Exclude<PatientLinkState, 'ACTIVE'>) =>
  new AppError('INVALID_TRANSITION', STATE_MESSAGES[state], { state, reason: 'PATIENT_LINK_UNUSABLE' });

/** The device's cookie for a link: its name carries the link's id, so each link has its own. */
const deviceCookieName = (linkId: string) => `ldn_patient_${linkId.replaceAll('-', '')}`;

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of header?.split(';') ?? []) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

/** How long a device is remembered for a link: at most the link's own life. */
const deviceCookieMaxAge = (link: PatientLink, now: Date) =>
  Math.max(0, link.expiresAt.getTime() - now.getTime());

/** A random 32-byte token, base64url, and the SHA-256 that is all the database keeps of it. */
export function newLinkToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashToken(token) };
}

/** The portal path the patient opens: outside the signed-in portal. */
export const patientLinkPath = (token: string) => `/r/${token}`;

/**
 * The one door of the patient's surface (issue #19): a link's token reaches exactly its trial,
 * through here. Unknown tokens are NOT_FOUND; a link that is revoked, locked, expired or whose
 * trial ended is refused by name and nothing is written; reports need a device that passed the
 * date-of-birth check (its httpOnly, SameSite=Strict cookie, named for the link).
 */
export class PatientLinkRepository {
  private constructor(
    readonly link: PatientLink,
    readonly trial: Trial,
    readonly state: PatientLinkState,
    readonly deviceId: string | null,
  ) {}

  /** The link of `token` and its state; NOT_FOUND for a token that names no link. */
  static async open(
    ctx: Pick<Context, 'clock' | 'req'>,
    system: SystemRepository,
    token: string,
    // The system finds the link by its token: nobody is signed in, and no organisation is known yet.
    client: Client = system.unscoped,
  ) {
    const link = await client.patientLink.findUnique({
      where: { tokenHash: hashToken(token) },
      include: { trial: true },
    });
    if (link === null) throw notFound('PatientLink');
    const { trial, ...row } = link;
    // From here the database holds the request to the trial's clinic (row-level security), as it
    // holds a clinic user's: the token found the link as the system, nothing else does.
    grantDataAccess({ organisationId: trial.clinicId, organisationKind: 'CLINIC' });
    const state = linkStateOf(row, trial, ctx.clock.now());
    const deviceToken = cookieValue(ctx.req.get('cookie'), deviceCookieName(row.id));
    const device =
      deviceToken === undefined
        ? null
        : await client.patientLinkDevice.findFirst({
            where: { linkId: row.id, tokenHash: hashToken(deviceToken) },
            select: { id: true },
          });
    return new PatientLinkRepository(row, trial, state, device?.id ?? null);
  }

  /** The link's patient's date of birth, which a new device must type to be remembered. */
  async patientBirthDate(system: SystemRepository): Promise<Date> {
    // Through the system's client, as the token's lookup: the link names exactly this one patient,
    // and the database already holds the request to its clinic (open).
    const patient = await system.unscoped.patient.findUniqueOrThrow({
      where: { id: this.trial.patientId },
      select: { dateOfBirth: true },
    });
    return patient.dateOfBirth;
  }

  /** True once this device has passed the date-of-birth check for the link. */
  get deviceKnown(): boolean {
    return this.deviceId !== null;
  }

  /** Refuses anything but an active link. */
  assertActive(): void {
    if (this.state !== 'ACTIVE') throw linkUnusable(this.state);
  }

  /** Refuses a report from a device that has not passed the date-of-birth check. */
  assertDevice(): void {
    this.assertActive();
    if (!this.deviceKnown)
      throw new AppError('UNAUTHENTICATED', 'Enter your date of birth first.', {
        reason: 'BIRTH_DATE_REQUIRED',
      });
  }

  /**
   * Remembers this device for the link: a new random token in an httpOnly, SameSite=Strict cookie
   * (only its hash stored). Returns the scope as the device now is.
   */
  async rememberDevice(
    client: Client,
    res: Response,
    secure: boolean,
    now: Date,
  ): Promise<PatientLinkRepository> {
    const { token, tokenHash } = newLinkToken();
    const device = await client.patientLinkDevice.create({
      data: { linkId: this.link.id, tokenHash, createdAt: now, lastSeenAt: now },
    });
    res.cookie(deviceCookieName(this.link.id), token, {
      httpOnly: true,
      sameSite: 'strict',
      secure,
      path: '/graphql',
      maxAge: deviceCookieMaxAge(this.link, now),
    });
    return new PatientLinkRepository(this.link, this.trial, this.state, device.id);
  }

  /** The audit identity of the patient's requests: no person, the trial's clinic, the link. */
  auditContext(requestId: string) {
    return {
      requestId,
      viewer: { userId: null, organisationId: this.trial.clinicId },
      patientLinkId: this.link.id,
    };
  }
}

/** A fingerprint of an address for the throttle's key, so no address is stored as typed. */
export const addressKey = (address: string) =>
  createHash('sha256').update(address).digest('hex').slice(0, 32);
