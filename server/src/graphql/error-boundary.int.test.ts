import { Writable } from 'node:stream';
import { testDatabaseTarget } from '@ldn/db/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { aConfiguredDatabase, type ConfiguredDatabase } from '../test/configured-database.ts';
import { startTestServer, type TestServer } from '../test/harness.ts';

// What the one error boundary answers and logs when the database fails under a request, on the
// real PostgreSQL with the operator's statement timeout (PGlite has neither).

const SIGN_IN = 'mutation ($input: SignInInput!) { signIn(input: $input) { id } }';
const GENERIC = /^Something went wrong on our side\./;

describe.skipIf((await testDatabaseTarget()).kind !== 'postgres')('the error boundary', () => {
  const lines: Record<string, unknown>[] = [];
  let database: ConfiguredDatabase;
  let server: TestServer;
  beforeAll(async () => {
    const configured = await aConfiguredDatabase({ DATABASE_STATEMENT_TIMEOUT_MS: '500' });
    if (configured === null) throw new Error('no PostgreSQL server for the tests');
    database = configured;
    const logTo = new Writable({
      write(chunk, _encoding, done) {
        lines.push(JSON.parse(String(chunk)));
        done();
      },
    });
    server = await startTestServer({ db: database.db, env: { LOG_LEVEL: 'info' }, logTo });
  });
  afterAll(async () => {
    await server?.close();
    await database?.close();
  });
  beforeEach(() => {
    lines.length = 0;
  });

  /** Signs in over HTTP; the answer and the request id the server gave it. */
  const signIn = async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: SIGN_IN, variables: { input: { email: 'a@x.test', password: 'p' } } }),
    });
    const body = (await response.json()) as { errors?: { message: string; extensions?: object }[] };
    return { error: body.errors?.[0], requestId: response.headers.get('x-request-id') };
  };

  /** Runs `work` after another connection sent `change`, which it undoes after. */
  const meanwhile = <T>(change: string, undo: string, work: () => Promise<T>) =>
    database.other.withSession(async (session) => {
      await session.exec(change);
      try {
        return await work();
      } finally {
        await session.exec(undo);
      }
    });

  it('answers TIMEOUT, with a generic message and no stack, when the database cancels a statement', async () => {
    // Every statement on the sign-in throttle waits for the lock until its timeout cancels it.
    const { error, requestId } = await meanwhile(
      'BEGIN; LOCK TABLE "SignInThrottle" IN ACCESS EXCLUSIVE MODE',
      'ROLLBACK',
      signIn,
    );

    expect(error).toEqual({
      message: 'The database took too long to answer, so the request was stopped. Try again.',
      path: ['signIn'],
      extensions: { code: 'TIMEOUT' },
    });
    expect(lines).toContainEqual(
      expect.objectContaining({
        level: 40,
        msg: 'database statement cancelled (statement timeout)',
        requestId,
      }),
    );
  });

  it('logs an unexpected error with the request id, and answers it generically', async () => {
    // A database that no longer matches the code: its error names SQL, which must not reach anyone.
    const { error, requestId } = await meanwhile(
      'ALTER TABLE "SignInThrottle" RENAME COLUMN "failures" TO "renamed"',
      'ALTER TABLE "SignInThrottle" RENAME COLUMN "renamed" TO "failures"',
      signIn,
    );

    expect(error).toMatchObject({
      message: expect.stringMatching(GENERIC),
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(JSON.stringify(error)).not.toMatch(/SignInThrottle|failures|renamed|stack/i);
    const logged = lines.find((line) => line.msg === 'unexpected error in resolver');
    expect(logged).toMatchObject({ level: 50, requestId, path: ['signIn'] });
    expect(JSON.stringify(logged)).not.toMatch(/SignInThrottle|renamed/);
  });
});
