import type { PrismaClient } from '@ldn/db';
import type { Clock } from '../platform/clock.ts';

export interface ThrottlePolicy {
  /** Failures within the window after which the key is refused for `lockMinutes`. */
  maxFailures: number;
  lockMinutes: number;
  windowMinutes: number;
  /** From the third failure on, each answer waits this much longer (capped at 2 s). */
  delayStepMs: number;
}

export const DEFAULT_THROTTLE: ThrottlePolicy = {
  maxFailures: 10,
  lockMinutes: 15,
  windowMinutes: 15,
  delayStepMs: 250,
};

// An address is shared by a whole clinic behind one router: it gets more room than an account.
const ADDRESS_FACTOR = 5;

export type ThrottleKey = { kind: 'email'; value: string } | { kind: 'ip'; value: string };

const keyOf = (key: ThrottleKey) => `${key.kind}:${key.value}`.slice(0, 300);
const limitOf = (key: ThrottleKey, policy: ThrottlePolicy) =>
  key.kind === 'ip' ? policy.maxFailures * ADDRESS_FACTOR : policy.maxFailures;

/** Failed sign-ins per account and per address: slowed, then refused for a while. */
export class SignInThrottle {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly clock: Clock,
    private readonly policy: ThrottlePolicy,
  ) {}

  /** True when any of the keys is locked now. */
  async isLocked(keys: ThrottleKey[]): Promise<boolean> {
    const rows = await this.prisma.signInThrottle.findMany({ where: { key: { in: keys.map(keyOf) } } });
    const now = this.clock.now().getTime();
    return rows.some((row) => row.lockedUntil !== null && row.lockedUntil.getTime() > now);
  }

  /**
   * Counts a failure against every key; returns how long to hold the answer back. One statement a
   * key, so parallel guesses each count (a read, then a write, would let them overwrite each other).
   */
  async recordFailure(keys: ThrottleKey[]): Promise<number> {
    const now = this.clock.now();
    const windowStart = new Date(now.getTime() - this.policy.windowMinutes * 60_000);
    const lockedUntil = new Date(now.getTime() + this.policy.lockMinutes * 60_000);
    let worst = 0;
    for (const key of keys) {
      const limit = limitOf(key, this.policy);
      const [row] = await this.prisma.$queryRaw<{ failures: number }[]>`
        INSERT INTO "SignInThrottle" ("key", "failures", "windowStart", "lockedUntil")
        VALUES (${keyOf(key)}, 1, ${now}::timestamptz, ${limit <= 1 ? lockedUntil : null}::timestamptz)
        ON CONFLICT ("key") DO UPDATE SET
          "failures" = CASE WHEN "SignInThrottle"."windowStart" < ${windowStart}::timestamptz THEN 1
                            ELSE "SignInThrottle"."failures" + 1 END,
          "windowStart" = CASE WHEN "SignInThrottle"."windowStart" < ${windowStart}::timestamptz THEN ${now}::timestamptz
                               ELSE "SignInThrottle"."windowStart" END,
          "lockedUntil" = CASE WHEN (CASE WHEN "SignInThrottle"."windowStart" < ${windowStart}::timestamptz THEN 1
                                          ELSE "SignInThrottle"."failures" + 1 END) >= ${limit}::int
                               THEN ${lockedUntil}::timestamptz ELSE NULL END
        RETURNING "failures"`;
      const failures = row?.failures ?? 1;
      worst = Math.max(worst, key.kind === 'email' ? failures : Math.floor(failures / ADDRESS_FACTOR));
    }
    return Math.min(2_000, Math.max(0, worst - 2) * this.policy.delayStepMs);
  }

  /** A successful sign-in clears the account's count (not the address's). */
  async recordSuccess(email: string): Promise<void> {
    await this.prisma.signInThrottle.deleteMany({ where: { key: keyOf({ kind: 'email', value: email }) } });
  }
}
