import 'reflect-metadata';
import { type ExecutionResult, execute, type GraphQLSchema, parse } from 'graphql';
import { Authorized, buildSchema, Query, Resolver, UseMiddleware } from 'type-graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { authChecker } from './auth-checker.ts';

// The role check is applied at once (type-graphql is patched: patches/type-graphql@…patch), so a
// field with nothing to wait for answers without a promise — a 480-item worklist used to make
// thousands of them (issue #16). These fields are this test's own, in a schema of its own.

const watched: string[] = [];

@Resolver()
class RoleProbeResolver {
  @Authorized('CLINICIAN')
  @Query(() => String)
  clinicianOnly(): string {
    return 'for clinicians';
  }

  @Authorized()
  @Query(() => String)
  signedIn(): string {
    return 'for anyone signed in';
  }

  @Authorized('CLINICIAN')
  @UseMiddleware(async (_data, next) => {
    watched.push('middleware ran');
    return next();
  })
  @Query(() => String)
  clinicianOnlyWatched(): string {
    return 'watched';
  }
}

const viewer = (role: string | null) => ({ viewer: role === null ? null : { role } });

describe('the role check (auth-checker.ts through type-graphql)', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildSchema({ resolvers: [RoleProbeResolver], authChecker, validate: false });
  });

  const run = (query: string, role: string | null) =>
    execute({ schema, document: parse(query), contextValue: viewer(role) });

  it('answers an allowed role at once, without a promise', () => {
    const result = run('{ clinicianOnly signedIn }', 'CLINICIAN');
    expect(result).not.toBeInstanceOf(Promise);
    expect((result as ExecutionResult).data).toEqual({
      clinicianOnly: 'for clinicians',
      signedIn: 'for anyone signed in',
    });
  });

  it('refuses another role with FORBIDDEN and nobody signed in with UNAUTHENTICATED, at once', () => {
    const forbidden = run('{ clinicianOnly }', 'COORDINATOR') as ExecutionResult;
    const stranger = run('{ signedIn }', null) as ExecutionResult;
    expect(forbidden.data).toBeNull();
    expect(forbidden.errors?.map((error) => error.extensions.code)).toEqual(['FORBIDDEN']);
    expect(stranger.errors?.map((error) => error.extensions.code)).toEqual(['UNAUTHENTICATED']);
  });

  it('checks the role before any other middleware runs, and runs it once allowed', async () => {
    watched.length = 0;
    const refused = await run('{ clinicianOnlyWatched }', 'COORDINATOR');
    expect(refused.errors?.map((error) => error.extensions.code)).toEqual(['FORBIDDEN']);
    expect(watched).toEqual([]);
    const allowed = await run('{ clinicianOnlyWatched }', 'CLINICIAN');
    expect(allowed.data).toEqual({ clinicianOnlyWatched: 'watched' });
    expect(watched).toEqual(['middleware ran']);
  });
});
