import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { SystemRepo } from '../access/repository-decorators.ts';
import type { SystemRepository } from '../access/system-repository.ts';
import { audit } from '../audit/audit.ts';
import type { Context } from '../graphql/context.ts';
import { AppError, tooManyRequests } from '../platform/errors.ts';
import { MeType, SignInInput } from './auth.types.ts';
import { verifyPassword } from './password.ts';
import { clearSessionCookie, endSession, setSessionCookie } from './sessions.ts';
import type { SignInAttempt } from './throttle.ts';

// One answer for an unknown email and a wrong password, so sign-in does not reveal who has an account.
const WRONG_CREDENTIALS = 'The email or password is not right.';

async function loadMe(system: SystemRepository, userId: string): Promise<MeType> {
  const user = await system.person(userId);
  return { ...user, organisation: user.organisation };
}

@Resolver()
export class AuthResolver {
  /** The signed-in person, or null when nobody is signed in. */
  @Query(() => MeType, { nullable: true })
  async me(
    // system: the signed-in person's own user row.
    @SystemRepo() system: SystemRepository,
    @Ctx() ctx: Context,
  ): Promise<MeType | null> {
    return ctx.viewer === null ? null : loadMe(system, ctx.viewer.userId);
  }

  /**
   * Signs in and sets the session cookie. Repeated failures are slowed, then refused for a while
   * (the account; an address is only slowed).
   */
  @Mutation(() => MeType)
  async signIn(
    @Arg('input', () => SignInInput) input: SignInInput,
    // system: nobody is signed in yet: the throttle, the account found by its email, the new session.
    @SystemRepo() system: SystemRepository,
    @Ctx() ctx: Context,
  ): Promise<MeType> {
    const email = input.email.trim().toLowerCase();
    // The address Express derived: the peer's, or with TRUST_PROXY the client's before the proxies.
    const attempt: SignInAttempt = { account: email, address: ctx.req.ip ?? 'unknown' };
    const throttle = system.throttle(ctx.clock, ctx.throttle);
    if (!(await throttle.admit(attempt))) {
      throw tooManyRequests('Too many failed sign-ins. Wait a few minutes and try again.');
    }
    const user = await system.personByEmail(email);
    const passwordMatches = await verifyPassword(user?.passwordHash ?? null, input.password);
    if (user === null || !passwordMatches || !user.active || !user.organisation.active) {
      await system.audit('SIGN_IN_REFUSED', 'User', user?.id ?? null);
      throw new AppError('UNAUTHENTICATED', WRONG_CREDENTIALS);
    }
    await throttle.recordSuccess(attempt);
    const token = await system.openSession(user.id, ctx.config, ctx.clock, ctx.req.get('user-agent'));
    setSessionCookie(ctx.res, token, ctx.config);
    await system.auditAs(
      // The person just signed in acts: the request's viewer is still nobody.
      { requestId: ctx.requestId, viewer: { userId: user.id, organisationId: user.organisationId } },
      'SIGN_IN',
      'User',
      user.id,
    );
    return loadMe(system, user.id);
  }

  /** Ends this session (the cookie is cleared and the session cannot be used again). */
  @Authorized()
  @Mutation(() => Boolean)
  async signOut(
    // system: the session's own row.
    @SystemRepo() system: SystemRepository,
    @Ctx() ctx: Context,
  ): Promise<boolean> {
    const viewer = ctx.viewer;
    if (viewer === null) return false;
    await system.transaction(async (tx) => {
      await endSession(tx, viewer.sessionId, ctx.clock.now());
      await audit(tx, ctx, 'SIGN_OUT', 'User', viewer.userId);
    });
    clearSessionCookie(ctx.res, ctx.config);
    return true;
  }
}
