import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemRepositoryOf } from '../access/system-repository.ts';
import { ok, Q } from '../admin/admin.fixtures.ts';
import { loadConfig } from '../platform/config.ts';
import { aNetwork, aPerson, signIn } from '../test/builders.ts';
import { fixedClock, startTestServer, type TestServer } from '../test/harness.ts';

const ME = '{ me { id } }';
const SESSION_READ = /FROM "Session"/;
/** Kept reads on, as in production (the harness turns them off for statement counts). */
const RECENT_MS = 1_000;

describe('a session read a moment ago', () => {
  let server: TestServer;
  let cast: Awaited<ReturnType<typeof aNetwork>>;
  const clock = fixedClock('2026-03-01T09:00:00Z');
  const env = { SESSION_RECENT_MS: String(RECENT_MS) };
  beforeAll(async () => {
    server = await startTestServer({ clock, env });
    cast = await aNetwork(server.db.prisma);
  });
  afterAll(async () => {
    await server?.close();
  });

  /** The statements reading a session while `work` runs. */
  async function sessionReads(work: () => Promise<unknown>): Promise<number> {
    let reads = 0;
    const stop = server.db.onStatement((sql) => {
      if (SESSION_READ.test(sql)) reads += 1;
    });
    try {
      await work();
    } finally {
      stop();
    }
    return reads;
  }

  const me = (cookie: string) => server.graphql<{ me: { id: string } | null }>(ME, {}, { cookie });

  it("reads a person's session once for a burst of their requests", async () => {
    const person = await aPerson(server.db.prisma, cast.clinic.id, 'COORDINATOR');
    const cookie = await signIn(server, person);
    const reads = await sessionReads(async () => {
      const answers = await Promise.all(Array.from({ length: 5 }, () => me(cookie)));
      for (const answer of answers) expect(answer.data?.me?.id).toBe(person.id);
      expect((await me(cookie)).data?.me?.id).toBe(person.id);
    });
    expect(reads).toBe(1);
  });

  /** A person of the clinic, signed in, whose session a request has just read. */
  async function aPersonJustSeen() {
    const person = await aPerson(server.db.prisma, cast.clinic.id, 'COORDINATOR');
    const cookie = await signIn(server, person);
    expect((await me(cookie)).data?.me?.id).toBe(person.id);
    return { person, cookie };
  }

  it('refuses the cookie at the next request once its session signs out', async () => {
    const { cookie } = await aPersonJustSeen();
    expect((await server.graphql('mutation { signOut }', {}, { cookie })).data).toEqual({ signOut: true });
    expect((await me(cookie)).data).toEqual({ me: null });
  });

  it("refuses a person's other sessions at their next request once they end them", async () => {
    const { person, cookie: elsewhere } = await aPersonJustSeen();
    const here = await signIn(server, person);
    expect((await server.graphql('mutation { endMyOtherSessions }', {}, { cookie: here })).data).toEqual({
      endMyOtherSessions: 1,
    });
    expect((await me(elsewhere)).data).toEqual({ me: null });
    expect((await me(here)).data?.me?.id).toBe(person.id);
  });

  it('refuses it at the next request once an administrator deactivates the person', async () => {
    const { person, cookie } = await aPersonJustSeen();
    await ok(server, Q.deactivatePerson, { userId: person.id }, await signIn(server, cast.admin));
    expect((await me(cookie)).data).toEqual({ me: null });
  });

  it('gives the viewer the new role at the next request once an administrator changes it', async () => {
    const { person, cookie } = await aPersonJustSeen();
    const token = decodeURIComponent(cookie.split('=')[1] ?? '');
    // system: the viewer a request of this session gets, read as the app reads it.
    const sessions = systemRepositoryOf(server.db);
    const viewer = () =>
      sessions.viewerOfSession(token, loadConfig({ ...env, ALLOW_EMBEDDED_DATABASE: 'true' }), clock);
    expect((await viewer())?.role).toBe('COORDINATOR');
    const admin = await signIn(server, cast.admin);
    await ok(server, Q.changeRole, { userId: person.id, role: 'CLINICIAN', npi: '1234567893' }, admin);
    expect((await viewer())?.role).toBe('CLINICIAN');
  });

  it('honours a deactivation written elsewhere (another process, by hand) within the bound', async () => {
    const { person, cookie } = await aPersonJustSeen();
    await server.db.prisma.user.update({ where: { id: person.id }, data: { active: false } });
    await new Promise((resolve) => setTimeout(resolve, RECENT_MS));
    expect((await me(cookie)).data).toEqual({ me: null });
  });
});
