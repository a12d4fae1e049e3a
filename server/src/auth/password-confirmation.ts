import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { User } from '@ldn/db';
import { isRecordId } from '../access/ids.ts';
import type { SystemRepository } from '../access/system-repository.ts';
import type { Context } from '../graphql/context.ts';
import { signatureInvalid, tooManyRequests, unauthenticated } from '../platform/errors.ts';
import { SingleFlight } from '../platform/single-flight.ts';
import { verifyPassword } from './password.ts';
import type { SignInAttempt } from './throttle.ts';

/** The record a signature is for, named in the audit row of a refused one. */
export interface SignedRecord {
  entity: string;
  id: string;
}

type Check = 'CONFIRMED' | 'WRONG' | 'THROTTLED';

/** How long a password confirmed by argon2 confirms the same person's next signatures without it. */
export const CONFIRMATION_KEPT_MS = 2 * 60_000;

/**
 * Passwords recently confirmed by argon2, so that a clinician signing a batch of orders pays for
 * one hash, not one per order (tens of milliseconds of a core each). Per person it keeps the stored
 * hash that was confirmed and an HMAC-SHA-256 of the password under a key made at random for this
 * process — never the password, and nothing that outlives the process. A later password matches
 * only if its HMAC is the same, the stored hash has not changed since (a new password, an account
 * reset) and the confirmation is younger than `keptMs`. A wrong password never matches, so every
 * guess still costs argon2.
 */
export class ConfirmedPasswords {
  private readonly key = randomBytes(32);
  private readonly confirmations = new Map<string, { passwordHash: string; mac: Buffer; at: number }>();

  constructor(private readonly keptMs = CONFIRMATION_KEPT_MS) {}

  /** True when `password` is the one confirmed for this person's current stored hash, recently. */
  confirms(person: Pick<User, 'id' | 'passwordHash'>, password: string, now: Date): boolean {
    const confirmation = this.confirmations.get(person.id);
    if (confirmation === undefined || person.passwordHash === null) return false;
    if (now.getTime() - confirmation.at >= this.keptMs || confirmation.passwordHash !== person.passwordHash)
      return false;
    return timingSafeEqual(confirmation.mac, this.macOf(person.id, password));
  }

  /** Remembers that argon2 has just confirmed `password` against the person's stored hash. */
  remember(person: Pick<User, 'id' | 'passwordHash'>, password: string, now: Date): void {
    if (person.passwordHash === null) return;
    // Expired confirmations go first, so the map holds only the people signing these minutes.
    for (const [id, { at }] of this.confirmations) {
      if (now.getTime() - at >= this.keptMs) this.confirmations.delete(id);
    }
    const mac = this.macOf(person.id, password);
    this.confirmations.set(person.id, { passwordHash: person.passwordHash, mac, at: now.getTime() });
  }

  private macOf(personId: string, password: string): Buffer {
    return createHmac('sha256', this.key).update(personId).update('\n').update(password).digest();
  }
}

const PROCESS_KEY = randomBytes(32);

/**
 * A password as the keys of work under way name it, never the password itself: an HMAC-SHA-256
 * under a key made at random for this process, so equal passwords have equal tags here only.
 */
export function passwordTag(password: string): string {
  return createHmac('sha256', PROCESS_KEY).update(password).digest('base64');
}

// A clinician signing a batch of orders, or a retry storm, confirms the same password several times
// at once. Each confirmation under way counts as an attempt against the account's limit until it
// succeeds, so the person's own correct signatures would be slowed, then refused, and each would
// hash the password again. Identical checks under way together (same person, address, stored hash
// and password) share one attempt and one hash: their answer cannot differ. Different guesses are
// never shared, so guessing is counted exactly as before. Nothing is kept once a check ends.
const checksUnderWay = new SingleFlight<Check>();
const confirmedPasswords = new ConfirmedPasswords();

/**
 * Confirms a signature by the signed-in person's password, re-entered for it (21 CFR 11.200(a)(1):
 * a signing within a session uses at least one component again). The attempt is counted with the
 * account's sign-ins (the same limit, the same lock, by email and address), so a session cannot
 * be used to guess the password: over the limit it is TOO_MANY_REQUESTS and the password is not
 * checked, however recently it was confirmed. A wrong password writes SIGNATURE_REFUSED to the
 * audit log (never the password) and is SIGNATURE_INVALID. Returns the signer's record.
 */
export async function confirmSignature(
  ctx: Context,
  system: SystemRepository,
  password: string,
  record: SignedRecord,
): Promise<User> {
  if (ctx.viewer === null) throw unauthenticated();
  const signer = await system.person(ctx.viewer.userId);
  // Sign-in's key: the stored email is the normalised one sign-in counts against.
  const attempt: SignInAttempt = { account: signer.email, address: ctx.req.ip ?? 'unknown' };
  const check = await checksUnderWay.run(
    [signer.id, attempt.address, signer.passwordHash, passwordTag(password)].join('\n'),
    async (): Promise<Check> => {
      const throttle = system.throttle(ctx.clock, ctx.throttle);
      if (!(await throttle.admit(attempt))) return 'THROTTLED';
      if (!confirmedPasswords.confirms(signer, password, ctx.clock.now())) {
        if (!(await verifyPassword(signer.passwordHash, password))) return 'WRONG';
        confirmedPasswords.remember(signer, password, ctx.clock.now());
      }
      await throttle.recordSuccess(attempt);
      return 'CONFIRMED';
    },
  );
  if (check === 'THROTTLED') {
    throw tooManyRequests('Too many wrong passwords. Wait a few minutes and try again.');
  }
  if (check === 'WRONG') {
    await system.audit('SIGNATURE_REFUSED', record.entity, isRecordId(record.id) ? record.id : null);
    throw signatureInvalid();
  }
  return signer;
}
