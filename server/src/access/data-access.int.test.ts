import { currentDataAccess, type DataAccess } from '@ldn/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aNetwork, apiAs, signIn } from '../test/builders.ts';
import { startTestServer, type TestServer } from '../test/harness.ts';

// The request's side of row-level security (prisma/src/row-level-security.int.test.ts is the
// database's): every statement a signed-in person's request sends carries that person's
// organisation, so the database's policies hold it whatever the resolvers ask for.
describe('the data access of a request', () => {
  let server: TestServer;
  let cast: Awaited<ReturnType<typeof aNetwork>>;
  const statements: (DataAccess | null)[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    cast = await aNetwork(server.db.prisma);
    server.db.onStatement(() => statements.push(currentDataAccess()));
  });
  afterAll(async () => {
    await server?.close();
  });

  async function accessOf(work: () => Promise<unknown>): Promise<(DataAccess | null)[]> {
    statements.length = 0;
    await work();
    return [...statements];
  }

  it("sends every statement of a clinic user's request as their clinic", async () => {
    const cookie = await signIn(server, cast.clinician);
    const api = apiAs(server, cookie);
    const seen = await accessOf(() =>
      api('query { patients(first: 5) { edges { node { id } } } mySessions { id } }'),
    );
    // The session lookup (which tells who is asking) is the system's; everything after it is the clinic's.
    const afterLookup = seen.slice(seen.findIndex((access) => access !== null));
    expect(afterLookup.length).toBeGreaterThan(0);
    expect(afterLookup).toEqual(
      afterLookup.map(() => ({ organisationId: cast.clinic.id, organisationKind: 'CLINIC' })),
    );
  });

  it("sends a pharmacist's as their pharmacy and an administrator's as the network", async () => {
    for (const [person, organisation, query] of [
      [
        cast.pharmacist,
        cast.pharmacy,
        'query { pharmacyQueue(first: 5) { edges { node { id } } } mySessions { id } }',
      ],
      [cast.admin, cast.network, 'query { organisations { id } mySessions { id } }'],
    ] as const) {
      const api = apiAs(server, await signIn(server, person));
      const seen = await accessOf(() => api(query));
      expect(seen.filter((access) => access !== null)).toContainEqual({
        organisationId: organisation.id,
        organisationKind: organisation.kind,
      });
      expect(seen.filter((access) => access !== null && access.organisationId !== organisation.id)).toEqual(
        [],
      );
    }
  });

  it('leaves a request with nobody signed in to the system, which can only sign in', async () => {
    const seen = await accessOf(() => server.graphql('query { me { id } }'));
    expect(seen).toEqual(seen.map(() => null));
  });
});
