import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aNetwork, aPerson, signIn, TEST_PASSWORD } from '../test/builders.ts';
import { fixedClock, startTestServer, type TestServer } from '../test/harness.ts';
import { hashToken } from './sessions.ts';

const ME = '{ me { id email role organisation { kind } } }';
const SIGN_IN = 'mutation ($input: SignInInput!) { signIn(input: $input) { id role } }';

describe('signing in and out', () => {
  const clock = fixedClock('2026-03-01T09:00:00Z');
  let server: TestServer;
  let cast: Awaited<ReturnType<typeof aNetwork>>;
  beforeAll(async () => {
    server = await startTestServer({
      clock,
      env: { SESSION_IDLE_MINUTES: '30', SESSION_MAX_HOURS: '12' },
      throttle: { maxFailures: 3, lockMinutes: 15, windowMinutes: 15, delayStepMs: 0 },
    });
    cast = await aNetwork(server.db.prisma);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('answers me with null before anyone signs in', async () => {
    expect((await server.graphql(ME)).data).toEqual({ me: null });
  });

  it('signs in with an httpOnly, SameSite=Strict session cookie and knows who it is', async () => {
    const response = await server.graphql(SIGN_IN, {
      input: { email: cast.clinician.email, password: TEST_PASSWORD },
    });
    expect(response.data).toEqual({ signIn: { id: cast.clinician.id, role: 'CLINICIAN' } });
    const cookie = response.setCookie.find((c) => c.startsWith('ldn_session=')) ?? '';
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).not.toMatch(/Secure/i); // plain HTTP in development; Secure when NODE_ENV=production
    const me = await server.graphql(ME, {}, { cookie: cookie.split(';')[0] });
    expect(me.data).toEqual({
      me: {
        id: cast.clinician.id,
        email: cast.clinician.email,
        role: 'CLINICIAN',
        organisation: { kind: 'CLINIC' },
      },
    });
  });

  it('accepts the email in any case and with spaces around it', async () => {
    const response = await server.graphql(SIGN_IN, {
      input: { email: `  ${cast.coordinator.email.toUpperCase()} `.trim(), password: TEST_PASSWORD },
    });
    expect(response.data?.signIn).toMatchObject({ id: cast.coordinator.id });
  });

  it('stores only a hash of the session token', async () => {
    const cookie = await signIn(server, cast.pharmacist);
    const token = decodeURIComponent(cookie.split('=')[1] ?? '');
    expect(await server.db.prisma.session.count({ where: { tokenHash: token } })).toBe(0);
    expect(await server.db.prisma.session.count({ where: { tokenHash: hashToken(token) } })).toBe(1);
  });

  it('gives the same answer for an unknown email and a wrong password', async () => {
    const someone = await aPerson(server.db.prisma, cast.clinic.id, 'COORDINATOR');
    const wrong = await server.graphql(SIGN_IN, {
      input: { email: someone.email, password: 'not it at all' },
    });
    const unknown = await server.graphql(SIGN_IN, {
      input: { email: 'nobody@example.test', password: 'not it' },
    });
    expect(wrong.errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    expect(unknown.errors?.[0]?.message).toBe(wrong.errors?.[0]?.message);
    expect(unknown.errors?.[0]?.extensions).toEqual(wrong.errors?.[0]?.extensions);
    expect(wrong.setCookie.some((c) => c.startsWith('ldn_session='))).toBe(false);
  });

  it('refuses an account for a while after repeated failures, even with the right password', async () => {
    const target = await aPerson(server.db.prisma, cast.clinic.id, 'COORDINATOR');
    for (let i = 0; i < 3; i += 1) {
      await server.graphql(SIGN_IN, { input: { email: target.email, password: `guess ${i}` } });
    }
    const refused = await server.graphql(SIGN_IN, {
      input: { email: target.email, password: TEST_PASSWORD },
    });
    expect(refused.errors?.[0]?.extensions?.code).toBe('TOO_MANY_REQUESTS');
    // An email with no account is refused the same way: the answer does not tell which exist.
    for (let i = 0; i < 3; i += 1) {
      await server.graphql(SIGN_IN, { input: { email: 'ghost@example.test', password: `guess ${i}` } });
    }
    const ghost = await server.graphql(SIGN_IN, { input: { email: 'ghost@example.test', password: 'x' } });
    expect(ghost.errors?.[0]).toEqual(refused.errors?.[0]);
    clock.set('2026-03-01T09:16:00Z');
    const later = await server.graphql(SIGN_IN, { input: { email: target.email, password: TEST_PASSWORD } });
    expect(later.data?.signIn).toMatchObject({ id: target.id });
    clock.set('2026-03-01T09:00:00Z');
  });

  it('counts every one of many failures sent at once, and locks the account', async () => {
    const target = await aPerson(server.db.prisma, cast.clinic.id, 'COORDINATOR');
    await Promise.all(
      // Five: enough to lock the account (3), not the address the whole file signs in from (15).
      Array.from({ length: 5 }, (_, i) =>
        server.graphql(SIGN_IN, { input: { email: target.email, password: `parallel guess ${i}` } }),
      ),
    );
    const row = await server.db.prisma.signInThrottle.findUniqueOrThrow({
      where: { key: `email:${target.email}` },
    });
    expect(row.failures).toBe(5);
    expect(row.lockedUntil).not.toBeNull();
    const refused = await server.graphql(SIGN_IN, {
      input: { email: target.email, password: TEST_PASSWORD },
    });
    expect(refused.errors?.[0]?.extensions?.code).toBe('TOO_MANY_REQUESTS');
  });

  it('ends the session on sign-out: the same cookie no longer works', async () => {
    const cookie = await signIn(server, cast.admin);
    const out = await server.graphql('mutation { signOut }', {}, { cookie });
    expect(out.data).toEqual({ signOut: true });
    expect(out.setCookie.some((c) => /^ldn_session=;/.test(c))).toBe(true);
    expect((await server.graphql(ME, {}, { cookie })).data).toEqual({ me: null });
    expect((await server.graphql('mutation { signOut }', {}, { cookie })).errors?.[0]?.extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('ends a session idle for longer than the idle limit', async () => {
    const cookie = await signIn(server, cast.otherClinician);
    clock.set('2026-03-01T09:29:00Z');
    expect((await server.graphql(ME, {}, { cookie })).data?.me).not.toBeNull();
    clock.set('2026-03-01T09:58:00Z'); // 29 minutes after the last request: still alive
    expect((await server.graphql(ME, {}, { cookie })).data?.me).not.toBeNull();
    clock.set('2026-03-01T10:29:00Z'); // 31 minutes idle
    expect((await server.graphql(ME, {}, { cookie })).data).toEqual({ me: null });
    clock.set('2026-03-01T09:00:00Z');
  });

  it('ends a session at its absolute expiry however active it is', async () => {
    const cookie = await signIn(server, cast.otherClinician);
    const signedInAt = Date.parse('2026-03-01T09:00:00Z');
    for (let minutes = 20; minutes < 12 * 60; minutes += 20) {
      clock.set(new Date(signedInAt + minutes * 60_000).toISOString());
      expect((await server.graphql(ME, {}, { cookie })).data?.me).not.toBeNull();
    }
    clock.set('2026-03-01T21:00:01Z');
    expect((await server.graphql(ME, {}, { cookie })).data).toEqual({ me: null });
    clock.set('2026-03-01T09:00:00Z');
  });

  it('stops a deactivated person at their next request', async () => {
    const person = await aPerson(server.db.prisma, cast.clinic.id, 'COORDINATOR');
    const cookie = await signIn(server, person);
    await server.db.prisma.user.update({ where: { id: person.id }, data: { active: false } });
    expect((await server.graphql(ME, {}, { cookie })).data).toEqual({ me: null });
    const again = await server.graphql(SIGN_IN, { input: { email: person.email, password: TEST_PASSWORD } });
    expect(again.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('writes sign-ins to the audit log with ids only', async () => {
    const rows = await server.db.prisma.auditLog.findMany({
      where: { action: 'SIGN_IN', actorId: cast.clinician.id },
    });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows[0]).toMatchObject({
      entity: 'User',
      entityId: cast.clinician.id,
      organisationId: cast.clinic.id,
    });
  });

  it('refuses malformed sign-in input with BAD_USER_INPUT naming the field, and without echoing it', async () => {
    const response = await server.graphql(SIGN_IN, { input: { email: 'Maria Alvarez', password: 'x' } });
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email' });
    expect(JSON.stringify(response.errors)).not.toContain('Maria');
    const typed = await server.graphql(SIGN_IN, { input: { email: 42, password: 'x' } });
    expect(typed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});
