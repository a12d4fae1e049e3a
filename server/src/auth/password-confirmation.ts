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

// A clinician signing a batch of orders, or a retry storm, confirms the same password several times
// at once. Each confirmation under way counts as an attempt against the account's limit until it
// succeeds, so the person's own correct signatures would be slowed, then refused, and each would
// hash the password again. Identical checks under way together (same person, address, stored hash
// and password) share one attempt and one hash: their answer cannot differ. Different guesses are
// never shared, so guessing is counted exactly as before. Nothing is kept once a check ends.
const checksUnderWay = new SingleFlight<Check>();

/**
 * Confirms a signature by the signed-in person's password, re-entered for it (21 CFR 11.200(a)(1):
 * a signing within a session uses at least one component again). The attempt is counted with the
 * account's sign-ins (the same limit, the same lock, by email and address), so a session cannot
 * be used to guess the password: over the limit it is TOO_MANY_REQUESTS and the password is not
 * checked. A wrong password writes SIGNATURE_REFUSED to the audit log (never the password) and is
 * SIGNATURE_INVALID. Returns the signer's record.
 */
export async function confirmSignature(
  ctx: Context,
  system: SystemRepository,
  password: string,
  record: SignedRecord,
): Promise<User> {
  if (ctx.viewer === null) throw unauthenticated();
  const signer = await system.unscoped.user.findUniqueOrThrow({ where: { id: ctx.viewer.userId } });
  // Sign-in's key: the stored email is the normalised one sign-in counts against.
  const attempt: SignInAttempt = { account: signer.email, address: ctx.req.ip ?? 'unknown' };
  const check = await checksUnderWay.run(
    [signer.id, attempt.address, signer.passwordHash, password].join('\n'),
    async (): Promise<Check> => {
      const throttle = system.throttle(ctx.clock, ctx.throttle);
      if (!(await throttle.admit(attempt))) return 'THROTTLED';
      if (!(await verifyPassword(signer.passwordHash, password))) return 'WRONG';
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
