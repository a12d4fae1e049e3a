import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { isRecordId } from '../access/ids.ts';
import { SystemRepo } from '../access/repository-decorators.ts';
import type { SystemRepository } from '../access/system-repository.ts';
import { audit } from '../audit/audit.ts';
import { hashPassword, verifyPassword } from '../auth/password.ts';
import { clearSessionCookie, endOwnSession, endSessionsOf } from '../auth/sessions.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { Context } from '../graphql/context.ts';
import { badInput, notFound, tooManyRequests, unauthenticated } from '../platform/errors.ts';
import { replacePasswordIn, setPasswordWithToken } from './account.service.ts';
import { MySessionType, PasswordSetType } from './account.types.ts';
import { assertPasswordPolicy } from './password-policy.ts';

const signedIn = (ctx: Context): Viewer => {
  if (ctx.viewer === null) throw unauthenticated();
  return ctx.viewer;
};

/** One's own account: setting a password from a link, changing it, one's sessions. */
@Resolver()
export class AccountResolver {
  /** Sets the first password from an invitation link (no sign-in needed; the link is one-time). */
  @Mutation(() => PasswordSetType)
  acceptInvitation(
    @Arg('token', () => String) token: string,
    @Arg('password', () => String) password: string,
    // system: nobody is signed in; the invitation token names the person.
    @SystemRepo() system: SystemRepository,
    @Ctx() ctx: Context,
  ): Promise<PasswordSetType> {
    return setPasswordWithToken(system, ctx, 'INVITATION', token, password);
  }

  /** Sets a new password from a reset link and ends every session the person had. */
  @Mutation(() => PasswordSetType)
  resetPassword(
    @Arg('token', () => String) token: string,
    @Arg('password', () => String) password: string,
    // system: nobody is signed in; the reset token names the person.
    @SystemRepo() system: SystemRepository,
    @Ctx() ctx: Context,
  ): Promise<PasswordSetType> {
    return setPasswordWithToken(system, ctx, 'PASSWORD_RESET', token, password);
  }

  /**
   * Changes one's password: the current one is required (a session left open is not enough) and
   * wrong guesses count against sign-in's throttle. Other sessions end; this one stays.
   */
  @Authorized()
  @Mutation(() => Boolean)
  async changeMyPassword(
    @Arg('current', () => String) current: string,
    @Arg('next', () => String) next: string,
    // system: one's own user row and the sign-in throttle belong to no organisation's records.
    @SystemRepo() system: SystemRepository,
    @Ctx() ctx: Context,
  ): Promise<boolean> {
    const viewer = signedIn(ctx);
    const user = await system.person(viewer.userId);
    const attempt = { account: user.email };
    const throttle = system.throttle(ctx.clock, ctx.throttle);
    if (!(await throttle.admit(attempt))) {
      throw tooManyRequests('Too many wrong passwords. Wait a few minutes and try again.');
    }
    if (!(await verifyPassword(user.passwordHash, current))) {
      await system.audit('PASSWORD_CHANGE_REFUSED', 'User', user.id);
      throw badInput('current', 'Your current password is not right.');
    }
    // The right password: the attempt is not a failure, whatever the new password's fate.
    await throttle.recordSuccess(attempt);
    assertPasswordPolicy(next, 'next');
    if (next === current) throw badInput('next', 'Choose a password different from the current one.');
    const passwordHash = await hashPassword(next);
    await system.transaction(async (tx) => {
      await replacePasswordIn(tx, user, passwordHash, viewer.sessionId, ctx.clock.now());
      await audit(tx, ctx, 'PASSWORD_CHANGED', 'User', user.id);
    });
    return true;
  }

  /** One's live sessions, most recently used first. */
  @Authorized()
  @Query(() => [MySessionType])
  async mySessions(
    // system: a person's own sessions, found by their user id.
    @SystemRepo() system: SystemRepository,
    @Ctx() ctx: Context,
  ): Promise<MySessionType[]> {
    const viewer = signedIn(ctx);
    const now = ctx.clock.now().getTime();
    const sessions = await system.liveSessionsOf(
      viewer.userId,
      new Date(now),
      new Date(now - ctx.config.sessionIdleMinutes * 60_000),
    );
    return sessions.map((session) => ({
      id: session.id,
      createdAt: session.createdAt,
      lastSeenAt: session.lastSeenAt,
      expiresAt: session.expiresAt,
      userAgent: session.userAgent,
      current: session.id === viewer.sessionId,
    }));
  }

  /** Ends one of one's sessions (another browser, or this one, which then signs out). */
  @Authorized()
  @Mutation(() => Boolean)
  async endMySession(
    @Arg('id', () => ID) id: string,
    // system: a person's own session, found by their user id.
    @SystemRepo() system: SystemRepository,
    @Ctx() ctx: Context,
  ): Promise<boolean> {
    const viewer = signedIn(ctx);
    if (!isRecordId(id)) throw notFound('Session');
    await system.transaction(async (tx) => {
      // Someone else's session answers exactly like one that does not exist.
      if (!(await endOwnSession(tx, id, viewer.userId, ctx.clock.now()))) throw notFound('Session');
      await audit(tx, ctx, 'SESSION_ENDED', 'Session', id);
    });
    if (id === viewer.sessionId) clearSessionCookie(ctx.res, ctx.config);
    return true;
  }

  /** Ends all of one's sessions but this one; answers how many ended. */
  @Authorized()
  @Mutation(() => Int)
  async endMyOtherSessions(
    // system: a person's own sessions, found by their user id.
    @SystemRepo() system: SystemRepository,
    @Ctx() ctx: Context,
  ): Promise<number> {
    const viewer = signedIn(ctx);
    return system.transaction(async (tx) => {
      const count = await endSessionsOf(tx, viewer.userId, ctx.clock.now(), viewer.sessionId);
      await audit(tx, ctx, 'OTHER_SESSIONS_ENDED', 'User', viewer.userId);
      return count;
    });
  }
}
