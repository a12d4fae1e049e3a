import type { User } from '@ldn/db';
import { isRecordId } from '../access/ids.ts';
import { audit } from '../audit/audit.ts';
import type { Context } from '../graphql/context.ts';
import { signatureInvalid, tooManyRequests, unauthenticated } from '../platform/errors.ts';
import { verifyPassword } from './password.ts';
import { type SignInAttempt, SignInThrottle } from './throttle.ts';

/** The record a signature is for, named in the audit row of a refused one. */
export interface SignedRecord {
  entity: string;
  id: string;
}

/**
 * Confirms a signature by the signed-in person's password, re-entered for it (21 CFR 11.200(a)(1):
 * a signing within a session uses at least one component again). The attempt is counted with the
 * account's sign-ins (the same limit, the same lock, by email and address), so a session cannot
 * be used to guess the password: over the limit it is TOO_MANY_REQUESTS and the password is not
 * checked. A wrong password writes SIGNATURE_REFUSED to the audit log (never the password) and is
 * SIGNATURE_INVALID. Returns the signer's record.
 */
export async function confirmSignature(ctx: Context, password: string, record: SignedRecord): Promise<User> {
  if (ctx.viewer === null) throw unauthenticated();
  const signer = await ctx.prisma.user.findUniqueOrThrow({ where: { id: ctx.viewer.userId } });
  // Sign-in's key: the stored email is the normalised one sign-in counts against.
  const attempt: SignInAttempt = { account: signer.email, address: ctx.req.ip ?? 'unknown' };
  const throttle = new SignInThrottle(ctx.prisma, ctx.clock, ctx.throttle);
  if (!(await throttle.admit(attempt))) {
    throw tooManyRequests('Too many wrong passwords. Wait a few minutes and try again.');
  }
  if (!(await verifyPassword(signer.passwordHash, password))) {
    await audit(
      ctx.prisma,
      ctx,
      'SIGNATURE_REFUSED',
      record.entity,
      isRecordId(record.id) ? record.id : null,
    );
    throw signatureInvalid();
  }
  await throttle.recordSuccess(attempt);
  return signer;
}
