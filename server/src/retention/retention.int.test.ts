import type { Database } from '@ldn/db';
import { createTestDatabase, testDatabaseTarget } from '@ldn/db/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_THROTTLE } from '../auth/throttle.ts';
import { IDEMPOTENCY_KEY_KEPT_MS } from '../orders/idempotency.ts';
import { aPatient } from '../patients/patient.builders.ts';
import { createLogger } from '../platform/logger.ts';
import { anOrganisation, aPerson } from '../test/builders.ts';
import { fixedClock } from '../test/harness.ts';
import { aPatientReadyToStart, aTrialRow } from '../trials/trial.builders.ts';
import { purgeExpired, type RetentionPolicy, startRetention } from './retention.ts';

const NOW = new Date('2026-06-01T12:00:00.000Z');
const policy: RetentionPolicy = { sessionIdleMinutes: 30, throttle: DEFAULT_THROTTLE, batchSize: 500 };
const ago = (ms: number) => new Date(NOW.getTime() - ms);
const ahead = (ms: number) => new Date(NOW.getTime() + ms);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

let db: Database;
let userId: string;
let clinicId: string;
beforeAll(async () => {
  db = await createTestDatabase();
  const clinic = await anOrganisation(db.prisma, 'CLINIC');
  clinicId = clinic.id;
  userId = (await aPerson(db.prisma, clinic.id, 'CLINICIAN')).id;
});
afterAll(async () => {
  await db?.close();
});
beforeEach(async () => {
  await db.prisma.session.deleteMany();
  await db.prisma.signInThrottle.deleteMany();
  await db.prisma.userToken.deleteMany();
  await db.prisma.idempotencyKey.deleteMany();
});

let made = 0;
/** A session named by its user agent, live unless `overrides` end it. */
function aSession(name: string, overrides: { lastSeenAt?: Date; expiresAt?: Date; revokedAt?: Date } = {}) {
  made += 1;
  return db.prisma.session.create({
    data: {
      userId,
      tokenHash: made.toString(16).padStart(64, '0'),
      createdAt: ago(HOUR),
      lastSeenAt: overrides.lastSeenAt ?? ago(5 * MINUTE),
      expiresAt: overrides.expiresAt ?? ahead(HOUR),
      revokedAt: overrides.revokedAt ?? null,
      userAgent: name,
    },
  });
}

const sessionsLeft = async () =>
  (await db.prisma.session.findMany({ orderBy: { userAgent: 'asc' } })).map((s) => s.userAgent);

describe('purging expired rows', () => {
  it('deletes sessions that are revoked, past their end or idle too long, and keeps live ones', async () => {
    await aSession('live');
    await aSession('idle just under the limit', { lastSeenAt: ago(30 * MINUTE - 1) });
    await aSession('idle to the limit', { lastSeenAt: ago(30 * MINUTE) });
    await aSession('past its absolute end', { lastSeenAt: ago(MINUTE), expiresAt: NOW });
    await aSession('signed out', { revokedAt: ago(MINUTE) });

    const counts = await purgeExpired(db.prisma, policy, NOW);

    expect(counts.sessions).toBe(3);
    expect(await sessionsLeft()).toEqual(['idle just under the limit', 'live']);
  });

  it('deletes sign-in throttle rows whose window has passed or whose lock is over, and keeps counting ones', async () => {
    const window = DEFAULT_THROTTLE.windowMinutes * MINUTE;
    await db.prisma.signInThrottle.createMany({
      data: [
        { key: 'email:counting@x.test', failures: 3, windowStart: ago(window - 1) },
        { key: 'ip:10.0.0.1', failures: 40, windowStart: ago(window - 1) },
        { key: 'email:window-over@x.test', failures: 3, windowStart: ago(window + 1) },
        { key: 'ip:10.0.0.2', failures: 40, windowStart: ago(window + 1) },
        {
          key: 'email:locked@x.test',
          failures: 10,
          windowStart: ago(2 * window),
          lockedUntil: ahead(MINUTE),
        },
        { key: 'email:lock-over@x.test', failures: 10, windowStart: ago(2 * window), lockedUntil: NOW },
      ],
    });

    expect((await purgeExpired(db.prisma, policy, NOW)).signInThrottles).toBe(3);

    const left = await db.prisma.signInThrottle.findMany({ orderBy: { key: 'asc' } });
    expect(left.map((row) => row.key)).toEqual([
      'email:counting@x.test',
      'email:locked@x.test',
      'ip:10.0.0.1',
    ]);
  });

  it('deletes one-time links once used or expired, and keeps the ones that still work', async () => {
    const token = (tokenHash: string, expiresAt: Date, usedAt: Date | null = null) => ({
      userId,
      kind: 'PASSWORD_RESET' as const,
      tokenHash: tokenHash.padStart(64, '0'),
      createdAt: ago(HOUR),
      expiresAt,
      usedAt,
    });
    await db.prisma.userToken.createMany({
      data: [token('a1', ahead(HOUR)), token('b2', ahead(HOUR), ago(MINUTE)), token('c3', NOW)],
    });

    expect((await purgeExpired(db.prisma, policy, NOW)).userTokens).toBe(2);

    expect((await db.prisma.userToken.findMany()).map((row) => row.tokenHash)).toEqual([
      'a1'.padStart(64, '0'),
    ]);
  });

  it('deletes idempotency keys older than their window, and keeps the ones a retry may still send', async () => {
    const key = (name: string, createdAt: Date) => ({
      userId,
      operation: 'createOrder',
      key: name,
      createdAt,
    });
    await db.prisma.idempotencyKey.createMany({
      data: [key('recent', ago(IDEMPOTENCY_KEY_KEPT_MS - 1)), key('old', ago(IDEMPOTENCY_KEY_KEPT_MS))],
    });

    expect((await purgeExpired(db.prisma, policy, NOW)).idempotencyKeys).toBe(1);

    expect((await db.prisma.idempotencyKey.findMany()).map((row) => row.key)).toEqual(['recent']);
  });

  it("deletes the devices of patient links that no longer work, and keeps a working link's", async () => {
    let devices = 0;
    /** A trial of its own (one live link per trial), its link and one device named `name`. */
    const aDevice = async (
      name: string,
      link: { revokedAt?: Date; lockedAt?: Date; expiresAt?: Date } = {},
      trial: { endedOn?: Date; state?: 'DISCONTINUED'; enteredInErrorAt?: Date } = {},
    ) => {
      const patient = await aPatientReadyToStart(db.prisma, clinicId, userId);
      const row = await aTrialRow(db.prisma, patient, userId);
      if (Object.keys(trial).length > 0) await db.prisma.trial.update({ where: { id: row.id }, data: trial });
      devices += 1;
      const { id } = await db.prisma.patientLink.create({
        data: {
          trialId: row.id,
          tokenHash: `link${devices}`.padStart(64, '0'),
          createdById: userId,
          createdAt: ago(HOUR),
          expiresAt: ahead(HOUR),
          ...link,
        },
      });
      await db.prisma.patientLinkDevice.create({
        data: { linkId: id, tokenHash: `device${devices}`.padStart(64, '0'), createdAt: ago(HOUR) },
      });
      return { name, linkId: id };
    };
    const kept = await aDevice('working');
    await aDevice('revoked', { revokedAt: ago(MINUTE) });
    await aDevice('locked', { lockedAt: ago(MINUTE) });
    await aDevice('expired', { expiresAt: NOW });
    await aDevice('trial ended', {}, { endedOn: ago(24 * HOUR) });
    await aDevice('trial discontinued', {}, { state: 'DISCONTINUED' });
    await aDevice('trial voided', {}, { enteredInErrorAt: ago(MINUTE) });
    const links = await db.prisma.patientLink.count();

    expect((await purgeExpired(db.prisma, policy, NOW)).patientLinkDevices).toBe(6);

    expect((await db.prisma.patientLinkDevice.findMany()).map((row) => row.linkId)).toEqual([kept.linkId]);
    // The links stay: the trial's record says which link the patient's reports came through.
    expect(await db.prisma.patientLink.count()).toBe(links);
  });

  it('deletes in batches until nothing expired is left', async () => {
    for (let i = 0; i < 7; i += 1) await aSession(`ended ${i}`, { revokedAt: ago(MINUTE) });
    await aSession('live');

    const counts = await purgeExpired(db.prisma, { ...policy, batchSize: 2 }, NOW);

    expect(counts.sessions).toBe(7);
    expect(await sessionsLeft()).toEqual(['live']);
  });

  it('never touches the audit log or clinical records, however old', async () => {
    const patient = await aPatient(db.prisma, clinicId, { createdAt: ago(10 * 365 * 24 * HOUR) });
    await db.prisma.auditLog.create({
      data: {
        at: ago(10 * 365 * 24 * HOUR),
        actorId: userId,
        action: 'READ',
        entity: 'Patient',
        entityId: patient.id,
      },
    });
    const auditRows = await db.prisma.auditLog.count();

    await purgeExpired(db.prisma, policy, NOW);

    expect(await db.prisma.auditLog.count()).toBe(auditRows);
    expect(await db.prisma.patient.findUnique({ where: { id: patient.id } })).not.toBeNull();
  });
});

describe.skipIf((await testDatabaseTarget()).kind !== 'postgres')('purging beside live requests', () => {
  it('skips a row a request holds locked instead of waiting for it, and takes it next time', async () => {
    const held = await aSession('held by a request', { revokedAt: ago(MINUTE) });
    await aSession('free', { revokedAt: ago(MINUTE) });

    await db.prisma.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT "id" FROM "Session" WHERE "id" = ${held.id}::uuid FOR UPDATE`;
      expect((await purgeExpired(db.prisma, policy, NOW)).sessions).toBe(1);
    });

    expect(await sessionsLeft()).toEqual(['held by a request']);
    expect((await purgeExpired(db.prisma, policy, NOW)).sessions).toBe(1);
  });
});

describe('the retention job', () => {
  const until = async (condition: () => Promise<boolean>) => {
    const deadline = Date.now() + 5_000;
    while (!(await condition())) {
      if (Date.now() > deadline) throw new Error('timed out waiting for the retention job');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  const gone = (id: string) => async () => (await db.prisma.session.findUnique({ where: { id } })) === null;

  it('purges at start, again on its interval, and no more once stopped', async () => {
    const atStart = await aSession('ended before start', { revokedAt: ago(MINUTE) });
    const job = startRetention({
      prisma: db.prisma,
      clock: fixedClock(NOW.toISOString()),
      policy,
      intervalMs: 50,
      log: createLogger('silent'),
    });
    try {
      await until(gone(atStart.id));
      const later = await aSession('ended while running', { revokedAt: ago(MINUTE) });
      await until(gone(later.id));
    } finally {
      await job.stop();
    }

    await aSession('ended after stop', { revokedAt: ago(MINUTE) });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await sessionsLeft()).toEqual(['ended after stop']);
  });
});
