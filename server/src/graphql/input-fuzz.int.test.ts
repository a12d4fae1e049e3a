import { readFileSync } from 'node:fs';
import { addDays } from '@ldn/rules';
import fc from 'fast-check';
import {
  buildSchema,
  type GraphQLField,
  type GraphQLInputType,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isScalarType,
} from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CAPSULE_PACK, CREATE, orderWorld, SUBMIT } from '../orders/order.fixtures.ts';
import { signIn } from '../test/builders.ts';
import { fixedClock, startTestServer, type TestServer } from '../test/harness.ts';

// Every mutation of the committed SDL, called with generated inputs (strange strings, numbers out
// of range, implausible dates, ids that are not uuids) by a role allowed to call it: no answer is
// INTERNAL_SERVER_ERROR, and a refused call writes nothing.

const TODAY = '2026-03-01';
const sdl = buildSchema(readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8'));
const mutations = Object.values(sdl.getMutationType()?.getFields() ?? {}).filter((m) => m.args.length > 0);

// The tables a mutation writes; a refusal must leave their rows and versions as they were. (The
// audit log and sign-in bookkeeping are written by design, refusals included.)
const TABLES = [
  'Organisation',
  'ClinicPharmacy',
  'User',
  'UserToken',
  'Patient',
  'PriorTherapy',
  'Medication',
  'OpioidFreeAttestation',
  'Consent',
  'SymptomScore',
  'Trial',
  'DoseChange',
  'TrialHold',
  'Override',
  'TrialWarning',
  'AdverseEffect',
  'Assessment',
  'Order',
  'OrderLine',
  'RecordAmendment',
  'OrderEvent',
  'IdempotencyKey',
];

const HUGE = ['x'.repeat(1_000_000), 'é'.repeat(5_000), `${' '.repeat(2_000)}a`, '\u0000'.repeat(1_000)];
const strangeText = fc.oneof(
  { arbitrary: fc.string({ maxLength: 12 }), weight: 3 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 12 }), weight: 2 },
  {
    arbitrary: fc.constantFrom(
      '',
      '   ',
      '\t',
      '\u0000',
      'a\u0000b',
      'Ma\u0007ria',
      'two\nlines',
      '\u007f',
      '\u0085',
      '😀',
    ),
    weight: 3,
  },
  {
    arbitrary: fc.constantFrom('Maria', 'LOT-26-0301', 'The patient asked to stop', '12 Elm Street'),
    weight: 3,
  },
  { arbitrary: fc.constantFrom(...HUGE), weight: 1 },
);
const localDate = fc.oneof(
  fc.constantFrom('0000-01-01', '1800-01-01', '1899-12-31', '1900-01-01', '1999-12-31', '2000-01-01'),
  fc.constantFrom('2026-02-30', '9999-12-31', '2026-3-1', '', ' 2026-03-01', '20260301', '2099-01-01'),
  fc
    .date({ min: new Date('1850-01-01'), max: new Date('2150-12-31'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
  fc.integer({ min: -400, max: 400 }).map((days) => addDays(TODAY, days)),
);
const int = fc.oneof(
  fc.integer({ min: -3, max: 130 }),
  fc.constantFrom(2 ** 31 - 1, -(2 ** 31), 2 ** 31, 2 ** 53, -1, 0),
  fc.integer(),
);
const float = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -0, 1.5, 3, 4.5, 4.6, 0.1, 1e308, -1e308, 5e-324),
);

function arbitraryOf(type: GraphQLInputType, ids: string[], depth = 0): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return arbitraryOf(type.ofType, ids, depth);
  if (isListType(type)) return fc.array(arbitraryOf(type.ofType, ids, depth + 1), { maxLength: 3 });
  if (isEnumType(type)) {
    const values = type.getValues().map((v) => v.value as string);
    return fc.oneof(
      { arbitrary: fc.constantFrom(...values), weight: 9 },
      { arbitrary: fc.constant('NOPE'), weight: 1 },
    );
  }
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields());
    const model: Record<string, fc.Arbitrary<unknown>> = {};
    for (const field of fields) {
      const value = arbitraryOf(field.type, ids, depth + 1);
      model[field.name] = isNonNullType(field.type) ? value : fc.option(value, { nil: null, freq: 4 });
    }
    const requiredKeys = fields
      .filter((f) => isNonNullType(f.type) && f.defaultValue === undefined)
      .map((f) => f.name);
    return fc.record(model, { requiredKeys });
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'ID':
        return fc.oneof({ arbitrary: fc.constantFrom(...ids), weight: 3 }, fc.uuid(), strangeText);
      case 'Int':
        return int;
      case 'Float':
        return float;
      case 'Boolean':
        return fc.boolean();
      case 'LocalDate':
        return localDate;
      case 'DateTimeISO':
        return fc.oneof(
          fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
          fc.constantFrom('0000-01-01T00:00:00Z', 'not a time', '2026-03-01'),
        );
      default:
        return strangeText;
    }
  }
  throw new Error(`no generator for ${String(type)}`);
}

/** The mutation with every argument as a variable, selecting only __typename. */
function documentOf(mutation: GraphQLField<unknown, unknown>): string {
  const variables = mutation.args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const args = mutation.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const selection = isLeafType(getNamedType(mutation.type)) ? '' : ' { __typename }';
  return `mutation (${variables}) { ${mutation.name}(${args})${selection} }`;
}

/** The roles `@Authorized` lets call a mutation; none listed: anyone signed in (or signed out). */
function rolesOf(mutation: string): string[] {
  const authorized = getMetadataStorage().authorizedFields.find((f) => f.fieldName === mutation);
  return authorized === undefined || authorized.roles.length === 0
    ? ['CLINICIAN']
    : (authorized.roles as string[]);
}

describe('every mutation, with generated inputs', () => {
  let server: TestServer;
  let world: Awaited<ReturnType<typeof orderWorld>>;
  const cookies = new Map<string, string>();
  const ids: string[] = [];

  const signInAll = async () => {
    const people = {
      CLINICIAN: world.cast.clinician,
      COORDINATOR: world.cast.coordinator,
      PHARMACIST: world.cast.pharmacist,
      ADMIN: world.cast.admin,
    };
    for (const [role, person] of Object.entries(people)) cookies.set(role, await signIn(server, person));
  };

  const snapshot = async () => {
    const parts = await server.db.prisma.$queryRawUnsafe<{ rows: string }[]>(
      `SELECT concat_ws(',', ${TABLES.map((t) => `(SELECT count(*) FROM "${t}")`).join(', ')},
        (SELECT coalesce(sum(version), 0) FROM "Order"), (SELECT coalesce(sum(version), 0) FROM "Patient"),
        (SELECT coalesce(sum(version), 0) FROM "Medication"), (SELECT coalesce(sum(version), 0) FROM "PriorTherapy"),
        (SELECT coalesce(sum(version), 0) FROM "Trial")) AS rows`,
    );
    return parts[0]?.rows;
  };

  beforeAll(async () => {
    server = await startTestServer({ clock: fixedClock(`${TODAY}T15:00:00Z`) });
    world = await orderWorld(server);
    await signInAll();
    const asClinician = { cookie: cookies.get('CLINICIAN') ?? '' };
    const draft = await server.graphql<{ createOrder: { id: string } }>(
      CREATE,
      { trialId: world.trial.id, input: CAPSULE_PACK },
      asClinician,
    );
    const sent = await server.graphql<{ createOrder: { id: string; version: number } }>(
      CREATE,
      { trialId: world.trial.id, input: CAPSULE_PACK },
      asClinician,
    );
    const toSubmit = sent.data!.createOrder;
    await server.graphql(
      SUBMIT,
      { input: { orderId: toSubmit.id, version: toSubmit.version, idempotencyKey: `fuzz-${toSubmit.id}` } },
      asClinician,
    );
    const medication = await server.graphql<{ recordMedication: { medication: { id: string } } }>(
      'mutation ($p: ID!) { recordMedication(patientId: $p, input: { drug: "ibuprofen" }) { medication { id } } }',
      { p: world.patient.id },
      asClinician,
    );
    const therapy = await server.graphql<{ recordPriorTherapy: { id: string } }>(
      'mutation ($p: ID!) { recordPriorTherapy(patientId: $p, input: { drug: "amitriptyline", outcome: INEFFECTIVE }) { id } }',
      { p: world.patient.id },
      asClinician,
    );
    ids.push(
      world.trial.id,
      world.patient.id,
      world.cast.clinic.id,
      world.cast.pharmacy.id,
      draft.data!.createOrder.id,
      toSubmit.id,
      medication.data?.recordMedication.medication.id ?? world.patient.id,
      therapy.data?.recordPriorTherapy.id ?? world.patient.id,
    );
  }, 60_000);
  afterAll(async () => {
    await server?.close();
  });

  it('covers every mutation that takes arguments', () => {
    expect(mutations.length).toBeGreaterThan(40);
  });

  it.each(mutations.map((m) => [m.name, m] as const))(
    '%s never answers INTERNAL_SERVER_ERROR and writes nothing when it refuses',
    async (_name, mutation) => {
      const document = documentOf(mutation);
      const variables = fc.record(
        Object.fromEntries(mutation.args.map((a) => [a.name, arbitraryOf(a.type, ids)])),
        { requiredKeys: mutation.args.filter((a) => isNonNullType(a.type)).map((a) => a.name) },
      );
      const roles = rolesOf(mutation.name);
      let last = await snapshot();
      await fc.assert(
        fc.asyncProperty(variables, fc.constantFrom(...roles), async (vars, role) => {
          // Requests run one at a time, so the rows after the last call are the rows before this one.
          const before = last;
          const response = await server.graphql(document, vars, { cookie: cookies.get(role) ?? '' });
          const codes = (response.errors ?? []).map((e) => e.extensions?.code);
          expect(response.status).toBeLessThan(500);
          expect(codes).not.toContain('INTERNAL_SERVER_ERROR');
          last = await snapshot();
          if (response.errors !== undefined) expect(last).toBe(before);
          // A call that ended a session (signOut, a password change) must not blind the next ones.
          if (codes.includes('UNAUTHENTICATED')) await signInAll();
        }),
        { numRuns: 10, seed: Number(process.env.FUZZ_SEED ?? 1414), endOnFailure: true },
      );
    },
    60_000,
  );
});
