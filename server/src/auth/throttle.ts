import { setTimeout as sleep } from 'node:timers/promises';
import { Prisma, type PrismaClient } from '@ldn/db';
import type { Response } from 'express';
import type { Clock } from '../platform/clock.ts';
import { awayFromGate } from '../platform/in-flight.ts';

/** Holds an attempt back `ms`, as the policy says. */
const throttleDelay = (policy: ThrottlePolicy, ms: number): Promise<void> => (policy.wait ?? sleep)(ms);

/**
 * The policy for one request: a slowed attempt waits without holding one of the requests in
 * flight (platform/in-flight.ts), so that one address's slowed attempts cannot fill them all.
 */
export function requestThrottle(policy: ThrottlePolicy, res: Response | undefined): ThrottlePolicy {
  if (res === undefined) return policy;
  return { ...policy, wait: (ms) => awayFromGate(res, () => throttleDelay(policy, ms)) };
}

export interface ThrottlePolicy {
  /** Attempts an account may have evaluated within the window; then it is refused for `lockMinutes`. */
  maxFailures: number;
  lockMinutes: number;
  windowMinutes: number;
  /** Each attempt beyond the free ones waits this much longer before it is evaluated. */
  delayStepMs: number;
  /** How an attempt is held back; tests record the delays instead of sleeping. */
  wait?: (ms: number) => Promise<void>;
}

export const DEFAULT_THROTTLE: ThrottlePolicy = {
  maxFailures: 10,
  lockMinutes: 15,
  windowMinutes: 15,
  delayStepMs: 250,
};

// An address is shared by a whole clinic behind one router: it is never locked, only slowed, and
// only after five times an account's free attempts (one delay step per five failures beyond them).
const ADDRESS_FACTOR = 5;
const FREE_FAILURES = 2;
const ACCOUNT_MAX_DELAY_MS = 2_000;
const ADDRESS_MAX_DELAY_MS = 10_000;

/** A row's key: `email:…` or `ip:…`, after the namespace of another guarded check (`dob:` for a patient link). */
const keyOf = (kind: 'email' | 'ip', value: string, namespace = '') =>
  `${namespace}${kind}:${value}`.slice(0, 300);

/**
 * A row whose count the next attempt starts again: its window has passed with no lock, or its lock
 * is over. Such a row says nothing any more, so the retention job may delete it.
 */
export function startsAfresh(now: Date, policy: Pick<ThrottlePolicy, 'windowMinutes'>): Prisma.Sql {
  const windowStart = new Date(now.getTime() - policy.windowMinutes * 60_000);
  return Prisma.sql`(("SignInThrottle"."lockedUntil" IS NULL AND "SignInThrottle"."windowStart" < ${windowStart}::timestamptz)
      OR "SignInThrottle"."lockedUntil" <= ${now}::timestamptz)`;
}

/** Who is trying: the account (the email as typed, normalised) and, for sign-in, the client's address. */
export interface SignInAttempt {
  account: string;
  address?: string;
}

/**
 * Failed sign-ins per account (a hard limit, then a lock) and per address (a progressive delay,
 * never a lock). Every attempt is counted before its password is checked, in one statement, so
 * parallel guesses cannot all be evaluated: at most `maxFailures` are, the rest are refused.
 */
export class SignInThrottle {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly clock: Clock,
    private readonly policy: ThrottlePolicy,
    /** Keeps another check's counts apart from sign-in's (a patient link's date of birth: `dob:`). */
    private readonly namespace = '',
  ) {}

  /**
   * Reserves the attempt; false when the account is over its limit (the password must not be
   * checked). Otherwise holds the attempt back as long as the account's and the address's recent
   * failures say, and returns true.
   */
  async admit({ account, address }: SignInAttempt): Promise<boolean> {
    const attempt = await this.reserveAccount(account);
    const addressFailures = address === undefined ? 0 : await this.reserveAddress(address);
    if (attempt > this.policy.maxFailures) return false;
    const step = this.policy.delayStepMs;
    const delay = Math.max(
      Math.min(ACCOUNT_MAX_DELAY_MS, Math.max(0, attempt - 1 - FREE_FAILURES) * step),
      Math.min(
        ADDRESS_MAX_DELAY_MS,
        Math.max(0, Math.floor(addressFailures / ADDRESS_FACTOR) - FREE_FAILURES) * step,
      ),
    );
    if (delay > 0) await throttleDelay(this.policy, delay);
    return true;
  }

  /**
   * A successful attempt clears the account's count and gives the address its attempt back, so a
   * clinic's own sign-ins never slow each other.
   */
  async recordSuccess({ account, address }: SignInAttempt): Promise<void> {
    await this.prisma.signInThrottle.deleteMany({ where: { key: keyOf('email', account, this.namespace) } });
    if (address === undefined) return;
    await this.prisma.$executeRaw`
      UPDATE "SignInThrottle" SET "failures" = GREATEST("failures" - 1, 0)
      WHERE "key" = ${keyOf('ip', address, this.namespace)}`;
  }

  /**
   * Counts the attempt against the account and returns its number in the window. The row lock of
   * INSERT … ON CONFLICT DO UPDATE orders parallel attempts: each gets its own number. The attempt
   * that reaches the limit sets the lock; an expired lock or window starts the count again.
   */
  private async reserveAccount(account: string): Promise<number> {
    const now = this.clock.now();
    const lockedUntil = new Date(now.getTime() + this.policy.lockMinutes * 60_000);
    const limit = this.policy.maxFailures;
    const fresh = startsAfresh(now, this.policy);
    const count = Prisma.sql`CASE WHEN ${fresh} THEN 1 ELSE "SignInThrottle"."failures" + 1 END`;
    const [row] = await this.prisma.$queryRaw<{ failures: number }[]>`
      INSERT INTO "SignInThrottle" ("key", "failures", "windowStart", "lockedUntil")
      VALUES (${keyOf('email', account, this.namespace)}, 1, ${now}::timestamptz,
              CASE WHEN 1 >= ${limit}::int THEN ${lockedUntil}::timestamptz END)
      ON CONFLICT ("key") DO UPDATE SET
        "failures" = ${count},
        "windowStart" = CASE WHEN ${fresh} THEN ${now}::timestamptz ELSE "SignInThrottle"."windowStart" END,
        "lockedUntil" = CASE WHEN "SignInThrottle"."lockedUntil" > ${now}::timestamptz THEN "SignInThrottle"."lockedUntil"
                             WHEN ${count} >= ${limit}::int THEN ${lockedUntil}::timestamptz END
      RETURNING "failures"`;
    return row?.failures ?? 1;
  }

  /** Counts the attempt against the address; returns the address's failures before it. */
  private async reserveAddress(address: string): Promise<number> {
    const now = this.clock.now();
    const windowStart = new Date(now.getTime() - this.policy.windowMinutes * 60_000);
    const [row] = await this.prisma.$queryRaw<{ failures: number }[]>`
      INSERT INTO "SignInThrottle" ("key", "failures", "windowStart")
      VALUES (${keyOf('ip', address, this.namespace)}, 1, ${now}::timestamptz)
      ON CONFLICT ("key") DO UPDATE SET
        "failures" = CASE WHEN "SignInThrottle"."windowStart" < ${windowStart}::timestamptz THEN 1
                          ELSE "SignInThrottle"."failures" + 1 END,
        "windowStart" = CASE WHEN "SignInThrottle"."windowStart" < ${windowStart}::timestamptz
                             THEN ${now}::timestamptz ELSE "SignInThrottle"."windowStart" END
      RETURNING "failures"`;
    return (row?.failures ?? 1) - 1;
  }
}
