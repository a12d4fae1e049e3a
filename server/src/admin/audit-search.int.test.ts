import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS } from '../audit/audit-actions.ts';
import { CAPSULE_PACK, CREATE, orderWorld, SUBMIT } from '../orders/order.fixtures.ts';
import { aPatient } from '../patients/patient.builders.ts';
import { TEST_PASSWORD } from '../test/builders.ts';
import { fixedClock, startTestServer, type TestServer } from '../test/harness.ts';
import { expectRefused, ok, Q } from './admin.fixtures.ts';

interface AuditRow {
  actorId: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  entityIds: string[];
}
interface AuditPage {
  auditLog: { edges: { node: AuditRow }[]; pageInfo: { hasNextPage: boolean } };
}

const READ_PATIENT = 'query ($id: ID!) { patient(id: $id) { id } }';
const READ_TRIAL = 'query ($id: ID!) { trial(id: $id) { id } }';
const READ_PHARMACY_ORDER = 'query ($id: ID!) { pharmacyOrder(id: $id) { id } }';
const LIST_PATIENTS = '{ patients(first: 100) { edges { node { id } } } }';

describe('the audit log searched by patient and by record', () => {
  let server: TestServer;
  let world: Awaited<ReturnType<typeof orderWorld>>;
  let orderId: string;
  let neighbourId: string;
  let namesakeId: string;
  const search = async (filter: Record<string, unknown>) =>
    (await ok<AuditPage>(server, Q.auditLog, { filter, first: 200 }, world.cookies.admin)).auditLog.edges.map(
      (edge) => edge.node,
    );
  const byMrn = () => ({ clinicId: world.cast.clinic.id, mrn: world.patient.mrn });
  const touches = (row: AuditRow, id: string) => row.entityId === id || row.entityIds.includes(id);

  beforeAll(async () => {
    server = await startTestServer({ clock: fixedClock('2026-03-01T15:00:00Z') });
    world = await orderWorld(server);
    const { cast, cookies, patient, trial } = world;
    // A neighbour at the same clinic, and a namesake at another clinic with the very same MRN.
    const neighbour = await aPatient(server.db.prisma, cast.clinic.id);
    const namesake = await aPatient(server.db.prisma, cast.otherClinic.id, { mrn: patient.mrn });
    neighbourId = neighbour.id;
    namesakeId = namesake.id;
    const draft = await ok<{ createOrder: { id: string; version: number } }>(
      server,
      CREATE,
      { trialId: trial.id, input: CAPSULE_PACK },
      cookies.coordinator,
    );
    orderId = draft.createOrder.id;
    await ok(
      server,
      SUBMIT,
      {
        input: {
          orderId,
          version: draft.createOrder.version,
          idempotencyKey: `s-${orderId}`,
          password: TEST_PASSWORD,
        },
      },
      cookies.clinician,
    );
    await ok(server, READ_PATIENT, { id: patient.id }, cookies.coordinator);
    await ok(server, READ_TRIAL, { id: trial.id }, cookies.clinician);
    await ok(server, READ_PHARMACY_ORDER, { id: orderId }, cookies.pharmacist);
    await ok(server, LIST_PATIENTS, {}, cookies.coordinator);
    await ok(server, READ_PATIENT, { id: neighbour.id }, cookies.clinician);
    await ok(server, READ_PATIENT, { id: namesake.id }, cookies.otherClinician);
  });
  afterAll(async () => {
    await server?.close();
  });

  it("answers who opened the patient: every role's reads of the patient, its trial and its order", async () => {
    const rows = await search({ patient: byMrn() });
    const { cast, patient, trial } = world;
    const seen = rows.map((row) => [row.actorId, row.action, row.entity, row.entityId]);
    expect(seen).toEqual(
      expect.arrayContaining([
        [cast.coordinator.id, 'READ', 'Patient', patient.id],
        [cast.clinician.id, 'READ', 'Trial', trial.id],
        [cast.pharmacist.id, 'READ', 'Order', orderId],
        [cast.coordinator.id, 'CREATE', 'Order', orderId],
        [cast.clinician.id, 'SUBMIT', 'Order', orderId],
      ]),
    );
    expect(rows).toContainEqual(
      expect.objectContaining({
        actorId: cast.coordinator.id,
        action: 'LIST',
        entity: 'Patient',
        entityId: null,
      }),
    );
  });

  it("shows none of another patient's rows, nor the other clinic's patient with the same MRN", async () => {
    const rows = await search({ patient: byMrn() });
    const { patient, trial } = world;
    const ours = [patient.id, trial.id, orderId];
    expect(rows.every((row) => ours.some((id) => touches(row, id)))).toBe(true);
    expect(rows.some((row) => row.entityId === neighbourId || row.entityId === namesakeId)).toBe(false);
    expect(rows.some((row) => row.actorId === world.cast.otherClinician.id)).toBe(false);
    const namesakeRows = await search({ patient: { clinicId: world.cast.otherClinic.id, mrn: patient.mrn } });
    expect(namesakeRows.map((row) => [row.action, row.entityId])).toEqual([['READ', namesakeId]]);
  });

  it('narrows a patient search by action', async () => {
    const reads = await search({ patient: byMrn(), action: 'READ' });
    expect(reads.length).toBeGreaterThanOrEqual(3);
    expect(reads.every((row) => row.action === 'READ')).toBe(true);
  });

  it('filters by record: the rows about it and the lists that showed it', async () => {
    const orderRows = await search({ record: { entity: 'Order', id: orderId } });
    expect(orderRows.map((row) => row.action).sort()).toEqual(['CREATE', 'READ', 'SUBMIT']);
    const neighbourRows = await search({ record: { entity: 'Patient', id: neighbourId } });
    expect(neighbourRows.map((row) => row.action).sort()).toEqual(['LIST', 'READ']);
    expect(await search({ record: { entity: 'Trial', id: neighbourId } })).toEqual([]);
  });

  it('offers every action the API writes, to administrators only', async () => {
    const { auditActions } = await ok<{ auditActions: string[] }>(
      server,
      '{ auditActions }',
      {},
      world.cookies.admin,
    );
    expect(auditActions).toEqual([...AUDIT_ACTIONS]);
    for (const cookie of [world.cookies.clinician, world.cookies.pharmacist]) {
      expectRefused(await server.graphql('{ auditActions }', {}, { cookie }), 'FORBIDDEN');
      expectRefused(
        await server.graphql(Q.auditLog, { filter: { patient: byMrn() } }, { cookie }),
        'FORBIDDEN',
      );
    }
  });

  it.each([
    ['an action the API never writes', { action: 'DROP' }, 'filter.action'],
    [
      'a clinic that is not an id',
      { patient: { clinicId: 'clinic-a', mrn: 'MRN-1' } },
      'filter.patient.clinicId',
    ],
    [
      'an empty MRN',
      { patient: { clinicId: '00000000-0000-4000-8000-000000000000', mrn: ' ' } },
      'patient.mrn',
    ],
    [
      'an MRN the clinic does not have',
      { patient: { clinicId: '00000000-0000-4000-8000-000000000000', mrn: 'X' } },
      'filter.patient.mrn',
    ],
    [
      'a kind of record that is no name',
      { record: { entity: 'order; --', id: 'x' } },
      'filter.record.entity',
    ],
    ['a record without an id', { record: { entity: 'Order', id: '' } }, 'record.id'],
  ])('refuses %s as BAD_USER_INPUT', async (_name, filter, field) => {
    expectRefused(
      await server.graphql(Q.auditLog, { filter }, { cookie: world.cookies.admin }),
      'BAD_USER_INPUT',
      field,
    );
  });
});
