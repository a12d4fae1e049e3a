import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aNetwork, aPerson, signIn } from '../test/builders.ts';
import { fixedClock, startTestServer, type TestServer } from '../test/harness.ts';
import { RECENT_FOR_MS } from './recent-sessions.ts';

const ME = '{ me { id } }';
const SESSION_READ = /FROM "Session"/;

describe('a session read a moment ago', () => {
  let server: TestServer;
  let cast: Awaited<ReturnType<typeof aNetwork>>;
  beforeAll(async () => {
    server = await startTestServer({ clock: fixedClock('2026-03-01T09:00:00Z') });
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

  it('honours a deactivation written elsewhere (another process, by hand) within the bound', async () => {
    const person = await aPerson(server.db.prisma, cast.clinic.id, 'COORDINATOR');
    const cookie = await signIn(server, person);
    expect((await me(cookie)).data?.me?.id).toBe(person.id);
    await server.db.prisma.user.update({ where: { id: person.id }, data: { active: false } });
    await new Promise((resolve) => setTimeout(resolve, RECENT_FOR_MS));
    expect((await me(cookie)).data).toEqual({ me: null });
  });
});
