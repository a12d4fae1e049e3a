import type { User, UserTokenKind } from '@ldn/db';
import type { Tx } from '../access/repository.ts';
import type { SystemRepository } from '../access/system-repository.ts';
import { audit } from '../audit/audit.ts';
import { hashPassword } from '../auth/password.ts';
import { endSessionsOf } from '../auth/sessions.ts';
import type { Context } from '../graphql/context.ts';
import { conflict } from '../platform/errors.ts';
import type { PasswordSetType } from './account.types.ts';
import { assertPasswordPolicy } from './password-policy.ts';
import { consumeToken } from './user-tokens.ts';

/**
 * Sets a password through a one-time link: checks the policy, uses the token once, stores the
 * argon2id hash and ends every session the person had (a reset is often "someone else may know it").
 */
export async function setPasswordWithToken(
  system: SystemRepository,
  ctx: Pick<Context, 'clock' | 'requestId'>,
  kind: UserTokenKind,
  token: string,
  password: string,
): Promise<PasswordSetType> {
  assertPasswordPolicy(password, 'password');
  // Hashed before the transaction: argon2 is deliberately slow and must not hold locks.
  const passwordHash = await hashPassword(password);
  return system.transaction(async (tx) => {
    const user = await consumeToken(tx, token, kind, ctx.clock);
    const now = ctx.clock.now();
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    await endSessionsOf(tx, user.id, now);
    // Nobody is signed in: the person the link was for is the actor.
    const actor = {
      requestId: ctx.requestId,
      viewer: { userId: user.id, organisationId: user.organisationId },
    };
    await audit(tx, actor, kind === 'INVITATION' ? 'INVITATION_ACCEPTED' : 'PASSWORD_RESET', 'User', user.id);
    return { email: user.email };
  });
}

/**
 * Replaces the person's password with `passwordHash` only if it is still the one that was checked
 * (a reset link used meanwhile wins: CONFLICT), and ends their other sessions; `keep` stays.
 */
export async function replacePasswordIn(
  tx: Tx,
  user: Pick<User, 'id' | 'passwordHash'>,
  passwordHash: string,
  keep: string,
  now: Date,
): Promise<void> {
  const { count } = await tx.user.updateMany({
    where: { id: user.id, passwordHash: user.passwordHash },
    data: { passwordHash },
  });
  if (count !== 1) throw conflict('Your password was changed meanwhile; sign in again.');
  await endSessionsOf(tx, user.id, now, keep);
}
