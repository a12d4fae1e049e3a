import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Api, apiAs } from '../patients/patient.builders.ts';
import { aNetwork, aPerson, signIn } from '../test/builders.ts';
import { fixedClock, startTestServer, type TestServer } from '../test/harness.ts';

const REPORT =
  'query ($filter: ContinuationFilter) { continuationReport(filter: $filter) { suppressed trialCount } }';
const CSV = 'query { continuationReportCsv { filename } }';

/** Every type name reachable from `root` through fields (and their arguments), and every field name. */
const INTROSPECT = `query { __schema { types { name kind
  fields { name args { name type { ...Ref } } type { ...Ref } }
  inputFields { name type { ...Ref } } } } }
  fragment Ref on __Type { name ofType { name ofType { name ofType { name ofType { name } } } } }`;

interface TypeRef {
  name: string | null;
  ofType: TypeRef | null;
}
interface IntrospectedType {
  name: string;
  fields: { name: string; args: { name: string; type: TypeRef }[]; type: TypeRef }[] | null;
  inputFields: { name: string; type: TypeRef }[] | null;
}

const named = (ref: TypeRef): string => ref.name ?? (ref.ofType === null ? '' : named(ref.ofType));

const IDENTIFYING = ['givenName', 'familyName', 'dateOfBirth', 'mrn', 'patientId', 'patient'];

describe('who may see the continuation report', () => {
  let server: TestServer;
  let world: Awaited<ReturnType<typeof aNetwork>>;
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    server = await startTestServer({ clock: fixedClock('2026-06-30T12:00:00Z') });
    world = await aNetwork(server.db.prisma);
    const clinicAdmin = await aPerson(server.db.prisma, world.clinic.id, 'ADMIN');
    const pharmacyAdmin = await aPerson(server.db.prisma, world.pharmacy.id, 'ADMIN');
    const people = {
      admin: world.admin,
      clinician: world.clinician,
      coordinator: world.coordinator,
      pharmacist: world.pharmacist,
      clinicAdmin,
      pharmacyAdmin,
    };
    for (const [role, person] of Object.entries(people)) cookies[role] = await signIn(server, person);
  });
  afterAll(async () => {
    await server?.close();
  });

  const as = (who: string): Api => apiAs(server, cookies[who] ?? '');

  it('answers a network administrator', async () => {
    await expect(as('admin')(REPORT)).resolves.toEqual({
      continuationReport: { suppressed: true, trialCount: null },
    });
  });

  it.each(['clinician', 'coordinator', 'pharmacist', 'clinicAdmin', 'pharmacyAdmin'])(
    'refuses a %s (FORBIDDEN), for the report and the CSV',
    async (who) => {
      await expect(as(who)(REPORT)).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
      await expect(as(who)(CSV)).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    },
  );

  it('refuses someone not signed in', async () => {
    const response = await server.graphql(REPORT);
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it.each([
    ['a report date in the future', { asOf: '2026-07-01' }, 'asOf'],
    [
      'a start range that ends before it begins',
      { startedFrom: '2026-03-01', startedTo: '2026-02-01' },
      'startedTo',
    ],
    ['a clinic id that is no record id', { clinicIds: ['clinic-a'] }, 'clinicIds'],
  ])('refuses %s (BAD_USER_INPUT)', async (_, filter, field) => {
    await expect(as('admin')(REPORT, { filter })).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field },
    });
  });

  it('audits each reading of the report, without a record id', async () => {
    await as('admin')(REPORT);
    const rows = await server.db.prisma.auditLog.findMany({ where: { entity: 'ContinuationReport' } });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.actorId === world.admin.id && row.entityId === null)).toBe(true);
  });

  it('reaches no identifying field from the report’s types (schema introspection)', async () => {
    const { data } = await server.graphql<{ __schema: { types: IntrospectedType[] } }>(
      INTROSPECT,
      {},
      {
        cookie: cookies.admin,
      },
    );
    const types = new Map((data?.__schema.types ?? []).map((type) => [type.name, type]));
    const query = types.get('Query');
    const roots = (query?.fields ?? []).filter((f) => f.name.startsWith('continuationReport'));
    expect(roots.map((f) => f.name).sort()).toEqual(['continuationReport', 'continuationReportCsv']);

    const reached = new Set<string>();
    const fieldNames = new Set<string>();
    const visit = (typeName: string) => {
      if (reached.has(typeName)) return;
      reached.add(typeName);
      const type = types.get(typeName);
      for (const field of [...(type?.fields ?? []), ...(type?.inputFields ?? [])]) {
        fieldNames.add(field.name);
        visit(named(field.type));
      }
      for (const arg of (type?.fields ?? []).flatMap((f) => f.args)) {
        fieldNames.add(arg.name);
        visit(named(arg.type));
      }
    };
    for (const root of roots) {
      for (const arg of root.args) visit(named(arg.type));
      visit(named(root.type));
    }
    expect(reached).toContain('ContinuationReport');
    expect(reached).toContain('ContinuationGroup');
    expect(reached).not.toContain('Patient');
    expect(fieldNames).toContain('atRisk');
    expect([...fieldNames].filter((name) => IDENTIFYING.includes(name))).toEqual([]);
  });
});
