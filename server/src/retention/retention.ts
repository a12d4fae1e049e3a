import { Prisma, type PrismaClient } from '@ldn/db';
import { linkNoLongerWorks } from '../access/patient-link-repository.ts';
import { startsAfresh, type ThrottlePolicy } from '../auth/throttle.ts';
import { IDEMPOTENCY_KEY_KEPT_MS } from '../orders/idempotency.ts';
import type { Clock } from '../platform/clock.ts';
import type { Logger } from '../platform/logger.ts';

/** What decides that a row has served its purpose; the same settings the app runs with. */
export interface RetentionPolicy {
  /** SESSION_IDLE_MINUTES: a session unused this long is over. */
  sessionIdleMinutes: number;
  /** The sign-in throttle's window. */
  throttle: Pick<ThrottlePolicy, 'windowMinutes'>;
  /** Rows deleted per statement, so that no statement runs long or holds many row locks. */
  batchSize: number;
}

export const DEFAULT_BATCH_SIZE = 500;

/** Rows deleted, per kind. */
export interface PurgeCounts {
  sessions: number;
  signInThrottles: number;
  userTokens: number;
  idempotencyKeys: number;
  patientLinkDevices: number;
}

interface Purge {
  table: Prisma.Sql;
  key: Prisma.Sql;
  expired: Prisma.Sql;
}

// Each kind's end is the one its owner applies, so nothing still in use is deleted. Only these
// five housekeeping tables are touched: never the audit log (append-only) nor clinical records.
const PURGES: Record<keyof PurgeCounts, (now: Date, policy: RetentionPolicy) => Purge> = {
  // auth/sessions.ts resolveViewer: revoked, past its absolute expiry, or idle too long.
  sessions: (now, { sessionIdleMinutes }) => ({
    table: Prisma.raw('"Session"'),
    key: Prisma.raw('"id"'),
    expired: Prisma.sql`("revokedAt" IS NOT NULL OR "expiresAt" <= ${now}::timestamptz
      OR "lastSeenAt" <= ${new Date(now.getTime() - sessionIdleMinutes * 60_000)}::timestamptz)`,
  }),
  // auth/throttle.ts: a row whose count the next attempt would start again.
  signInThrottles: (now, { throttle }) => ({
    table: Prisma.raw('"SignInThrottle"'),
    key: Prisma.raw('"key"'),
    expired: startsAfresh(now, throttle),
  }),
  // admin/user-tokens.ts consumeToken: a link works once, until it expires.
  userTokens: (now) => ({
    table: Prisma.raw('"UserToken"'),
    key: Prisma.raw('"id"'),
    expired: Prisma.sql`("usedAt" IS NOT NULL OR "expiresAt" <= ${now}::timestamptz)`,
  }),
  // orders/idempotency.ts: a retry within the window gets the first answer.
  idempotencyKeys: (now) => ({
    table: Prisma.raw('"IdempotencyKey"'),
    key: Prisma.raw('"userId", "operation", "key"'),
    expired: Prisma.sql`"createdAt" <= ${new Date(now.getTime() - IDEMPOTENCY_KEY_KEPT_MS)}::timestamptz`,
  }),
  // access/patient-link-repository.ts linkStateOf: a device remembered for a link that no longer works
  // (revoked, locked, expired, its trial ended or voided). The link itself is a clinical record's.
  patientLinkDevices: (now) => ({
    table: Prisma.raw('"PatientLinkDevice"'),
    key: Prisma.raw('"id"'),
    expired: linkNoLongerWorks(now),
  }),
};

/**
 * One batch: up to `limit` expired rows, skipping any a request holds locked (it is taken next
 * time), in one short statement of its own.
 */
function deleteBatch(prisma: PrismaClient, { table, key, expired }: Purge, limit: number): Promise<number> {
  return prisma.$executeRaw`
    DELETE FROM ${table} WHERE (${key}) IN (
      SELECT ${key} FROM ${table} WHERE ${expired} LIMIT ${limit}::int FOR UPDATE SKIP LOCKED)`;
}

/** Deletes the rows past their end as of `now`, batch by batch, until none is left or `signal` aborts. */
export async function purgeExpired(
  prisma: PrismaClient,
  policy: RetentionPolicy,
  now: Date,
  signal?: AbortSignal,
): Promise<PurgeCounts> {
  const counts: PurgeCounts = {
    sessions: 0,
    signInThrottles: 0,
    userTokens: 0,
    idempotencyKeys: 0,
    patientLinkDevices: 0,
  };
  for (const kind of Object.keys(PURGES) as (keyof PurgeCounts)[]) {
    const purge = PURGES[kind](now, policy);
    for (;;) {
      if (signal?.aborted) return counts;
      const deleted = await deleteBatch(prisma, purge, policy.batchSize);
      counts[kind] += deleted;
      if (deleted < policy.batchSize) break;
    }
  }
  return counts;
}

export interface RetentionJob {
  /** Stops the timer and waits for a run in progress to finish its batch. */
  stop(): Promise<void>;
}

/**
 * Purges at once, then every `intervalMs`. The timer does not keep the process alive; a failed
 * run is logged (by kind: no SQL, no data) and the next one tries again.
 */
export function startRetention(options: {
  prisma: PrismaClient;
  clock: Clock;
  policy: RetentionPolicy;
  intervalMs: number;
  log: Logger;
}): RetentionJob {
  const { prisma, clock, policy, intervalMs, log } = options;
  const stopping = new AbortController();
  let running: Promise<void> | undefined;
  const run = () => {
    if (running !== undefined || stopping.signal.aborted) return;
    const started = Date.now();
    running = purgeExpired(prisma, policy, clock.now(), stopping.signal)
      .then((counts) => {
        if (Object.values(counts).some((count) => count > 0)) {
          log.info({ ...counts, ms: Date.now() - started }, 'expired rows purged');
        }
      })
      .catch((error: unknown) => {
        log.warn({ errorName: error instanceof Error ? error.name : typeof error }, 'retention run failed');
      })
      .finally(() => {
        running = undefined;
      });
  };
  run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      stopping.abort();
      await running;
    },
  };
}
