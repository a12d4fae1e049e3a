import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aPatient } from '../patients/patient.builders.ts';
import { aNetwork, aPerson, signIn } from '../test/builders.ts';
import { startTestServer, type TestServer } from '../test/harness.ts';
import { expectRefused, ok, Q } from './admin.fixtures.ts';

interface AuditEntry {
  id: string;
  at: string;
  actorId: string | null;
  actorName: string | null;
  organisationId: string | null;
  organisationName: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  entityIds: string[];
  requestId: string | null;
}
interface AuditPage {
  auditLog: {
    edges: { cursor: string; node: AuditEntry }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

/** A field's type in introspection: named, or a list / non-null wrapping another. */
interface NamedOrWrapped {
  name: string | null;
  ofType?: NamedOrWrapped | null;
}
const namedTypeOf = (type: NamedOrWrapped): string | null =>
  type.name ?? (type.ofType == null ? null : namedTypeOf(type.ofType));

describe('the audit log', () => {
  let server: TestServer;
  let cast: Awaited<ReturnType<typeof aNetwork>>;
  let admin: string;
  const page = async (variables: Record<string, unknown>) =>
    (await ok<AuditPage>(server, Q.auditLog, variables, admin)).auditLog;
  const nodes = async (variables: Record<string, unknown>) =>
    (await page(variables)).edges.map((edge) => edge.node);

  beforeAll(async () => {
    server = await startTestServer();
    cast = await aNetwork(server.db.prisma);
    admin = await signIn(server, cast.admin);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('shows a patient read with ids only: who, which clinic, which record — never the patient', async () => {
    const patient = await aPatient(server.db.prisma, cast.clinic.id, {
      givenName: 'Rosalind',
      familyName: 'Quintero',
      mrn: 'MRN-77-QX',
      phone: '555-0199',
    });
    const clinician = await signIn(server, cast.clinician);
    await ok(server, 'query ($id: ID!) { patient(id: $id) { id givenName } }', { id: patient.id }, clinician);
    const rows = await page({ filter: { action: 'READ', actorId: cast.clinician.id } });
    expect(rows.edges[0]?.node).toMatchObject({
      actorId: cast.clinician.id,
      actorName: expect.stringMatching(/^Clinician /),
      organisationId: cast.clinic.id,
      organisationName: 'Clinic A',
      action: 'READ',
      entity: 'Patient',
      entityId: patient.id,
    });
    expect(rows.edges[0]?.node.requestId).toEqual(expect.any(String));
    const everything = JSON.stringify(await page({ first: 200 }));
    for (const identifying of ['Rosalind', 'Quintero', 'MRN-77-QX', '555-0199', '1970-01-01']) {
      expect(everything).not.toContain(identifying);
    }
  });

  it('shows a list as one LIST row naming every patient on the page, ids only', async () => {
    const listed = await Promise.all(
      ['Amaranth', 'Bellweather', 'Corvina'].map((familyName) =>
        aPatient(server.db.prisma, cast.clinic.id, { familyName }),
      ),
    );
    const coordinator = await signIn(server, cast.coordinator);
    await ok(server, '{ patients(first: 100) { edges { node { id } } } }', {}, coordinator);
    const rows = await nodes({ filter: { action: 'LIST', actorId: cast.coordinator.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ entity: 'Patient', entityId: null });
    expect(rows[0]?.entityIds).toEqual(expect.arrayContaining(listed.map((patient) => patient.id)));
    expect(JSON.stringify(rows)).not.toContain('Bellweather');
  });

  it('has no field that could carry patient data (introspection)', async () => {
    const response = await ok<{
      __type: { fields: { name: string; type: NamedOrWrapped }[] };
    }>(
      server,
      '{ __type(name: "AuditEntry") { fields { name type { name ofType { name ofType { name ofType { name } } } } } } }',
      {},
    );
    const fields = response.__type.fields.map((field) => field.name).sort();
    expect(fields).toEqual(
      [
        'action',
        'actorId',
        'actorName',
        'at',
        'entity',
        'entityId',
        'entityIds',
        'id',
        'organisationId',
        'organisationName',
        'patientLinkId',
        'requestId',
      ].sort(),
    );
    // Scalars only: no nested object through which a patient could be reached.
    const typeNames = response.__type.fields.map((field) => namedTypeOf(field.type));
    expect(new Set(typeNames)).toEqual(new Set(['ID', 'String', 'DateTimeISO']));
  });

  it('filters by actor, organisation and action, newest first', async () => {
    const person = await aPerson(server.db.prisma, cast.pharmacy.id, 'PHARMACIST');
    await signIn(server, person);
    await signIn(server, person);
    const byActor = await nodes({ filter: { actorId: person.id } });
    expect(byActor.map((row) => row.action)).toEqual(['SIGN_IN', 'SIGN_IN']);
    expect(Number(byActor[0]?.id)).toBeGreaterThan(Number(byActor[1]?.id));
    const byOrganisation = await nodes({ filter: { organisationId: cast.pharmacy.id } });
    expect(byOrganisation.length).toBeGreaterThanOrEqual(2);
    expect(byOrganisation.every((row) => row.organisationId === cast.pharmacy.id)).toBe(true);
    const adminSignIns = await nodes({ filter: { action: 'SIGN_IN', organisationId: cast.network.id } });
    expect(adminSignIns.every((row) => row.action === 'SIGN_IN' && row.actorId === cast.admin.id)).toBe(true);
    expect(await nodes({ filter: { actorId: '00000000-0000-4000-8000-000000000000' } })).toEqual([]);
  });

  it('filters by time: from is inclusive, to exclusive', async () => {
    const latest = await server.db.prisma.auditLog.findFirstOrThrow({ orderBy: { at: 'desc' } });
    const marker = new Date(latest.at.getTime() + 1);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const person = await aPerson(server.db.prisma, cast.clinic.id, 'COORDINATOR');
    await signIn(server, person);
    const since = await nodes({ filter: { from: marker.toISOString() }, first: 200 });
    expect(since.length).toBeGreaterThan(0);
    expect(since.every((row) => Date.parse(row.at) >= marker.getTime())).toBe(true);
    expect(since.some((row) => row.actorId === person.id)).toBe(true);
    const before = await nodes({ filter: { to: marker.toISOString() }, first: 200 });
    expect(before.some((row) => row.actorId === person.id)).toBe(false);
    expect(before.every((row) => Date.parse(row.at) < marker.getTime())).toBe(true);
  });

  it('pages with a cursor without gaps or repeats', async () => {
    const all = await nodes({ first: 200 });
    expect(all.length).toBeGreaterThan(4);
    const first = await page({ first: 2 });
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await page({ first: 2, after: first.pageInfo.endCursor });
    const ids = [...first.edges, ...second.edges].map((edge) => edge.node.id);
    // Reading the log writes nothing to it, so the pages line up with the whole.
    expect(ids).toEqual(all.slice(0, 4).map((row) => row.id));
    const last = await page({ first: 200, after: first.pageInfo.endCursor });
    expect(last.pageInfo).toEqual({ hasNextPage: false, endCursor: last.edges.at(-1)?.cursor });
  });

  it('refuses a cursor it did not give out and a page too large', async () => {
    expectRefused(
      await server.graphql(Q.auditLog, { after: 'bm90IGEgY3Vyc29y' }, { cookie: admin }),
      'BAD_USER_INPUT',
      'after',
    );
    expectRefused(
      await server.graphql(Q.auditLog, { first: 1000 }, { cookie: admin }),
      'BAD_USER_INPUT',
      'first',
    );
    expectRefused(
      await server.graphql(Q.auditLog, { first: 0 }, { cookie: admin }),
      'BAD_USER_INPUT',
      'first',
    );
  });
});
