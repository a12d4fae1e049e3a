import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { aTrialInClinic } from '../orders/order.builders.ts';
import { ACK, CAPSULE_PACK, CREATE, orderWorld } from '../orders/order.fixtures.ts';
import { anOrganisation, aPerson, signIn } from '../test/builders.ts';
import { fixedClock, startTestServer, type TestServer } from '../test/harness.ts';
import { OPERATIONS } from '../trials/trial.builders.ts';
import { type Listener, listenAs, quietPeriod, subscribed } from './live.fixtures.ts';

// Issue #15: changes reach the screens they affect, heard only by those who may read the record.

const REGISTER = 'mutation ($input: RegisterPatientInput!) { registerPatient(input: $input) { id } }';

describe('live changes over the WebSocket', () => {
  let server: TestServer;
  let world: Awaited<ReturnType<typeof orderWorld>>;
  let otherPharmacist: { id: string; cookie: string };
  const listeners: Listener[] = [];

  beforeAll(async () => {
    server = await startTestServer({ clock: fixedClock('2026-03-01T15:00:00Z') });
    world = await orderWorld(server);
    const otherPharmacy = await anOrganisation(server.db.prisma, 'PHARMACY', 'Pharmacy Q');
    const person = await aPerson(server.db.prisma, otherPharmacy.id, 'PHARMACIST');
    otherPharmacist = { id: person.id, cookie: await signIn(server, person) };
  });
  afterEach(async () => {
    await Promise.all(listeners.splice(0).map((listener) => listener.stop()));
  });
  afterAll(async () => {
    await server?.close();
  });

  /** Subscribes as each person and waits until every one of them is listening. */
  async function listening(...people: { id: string; cookie: string }[]): Promise<Listener[]> {
    const before = await Promise.all(
      people.map((person) =>
        server.db.prisma.auditLog.count({ where: { actorId: person.id, action: 'SUBSCRIBE' } }),
      ),
    );
    const opened = people.map((person) => listenAs(server, person.cookie));
    listeners.push(...opened);
    await Promise.all(
      people.map((person, n) => subscribed(server.db.prisma, person.id, (before[n] ?? 0) + 1)),
    );
    return opened;
  }

  const as = (who: 'clinician' | 'coordinator' | 'pharmacist' | 'otherClinician' | 'admin') => ({
    id: world.cast[who].id,
    cookie: world.cookies[who],
  });

  it("tells a clinic's users of a patient registered there, and no other clinic, pharmacy or administrator", async () => {
    const [clinician, otherClinic, pharmacist, admin] = await listening(
      as('clinician'),
      as('otherClinician'),
      as('pharmacist'),
      as('admin'),
    );
    const registered = await server.graphql<{ registerPatient: { id: string } }>(
      REGISTER,
      { input: { givenName: 'Lena', familyName: 'Park', dateOfBirth: '1968-02-03', mrn: 'LIVE-1' } },
      { cookie: world.cookies.coordinator },
    );
    const patientId = registered.data?.registerPatient.id;
    expect(patientId).toBeDefined();

    await vi.waitFor(() =>
      expect(clinician?.heard).toContainEqual({
        entity: 'Patient',
        id: patientId,
        patientId,
        trialId: null,
        orderId: null,
      }),
    );
    await quietPeriod();
    expect(otherClinic?.heard).toEqual([]);
    expect(pharmacist?.heard).toEqual([]);
    expect(admin?.heard).toEqual([]);
  });

  it('tells the clinic of a trial put on hold, and no other clinic, pharmacy or administrator', async () => {
    // A trial of its own, with no order: a pharmacy has nothing of it to hear.
    const { trial, patient } = await aTrialInClinic(server.db.prisma, {
      clinicId: world.cast.clinic.id,
      prescriberId: world.cast.clinician.id,
    });
    const [clinician, otherClinic, pharmacist, admin] = await listening(
      as('clinician'),
      as('otherClinician'),
      as('pharmacist'),
      as('admin'),
    );
    const held = await server.graphql(
      OPERATIONS.hold,
      { trialId: trial.id, input: { heldOn: '2026-03-01', reason: 'OPIOID_NEEDED' } },
      { cookie: world.cookies.coordinator },
    );
    expect(held.errors).toBeUndefined();

    await vi.waitFor(() =>
      expect(clinician?.heard).toContainEqual({
        entity: 'Trial',
        id: trial.id,
        trialId: trial.id,
        patientId: patient.id,
        orderId: null,
      }),
    );
    await quietPeriod();
    expect(otherClinic?.heard).toEqual([]);
    expect(pharmacist?.heard).toEqual([]);
    expect(admin?.heard).toEqual([]);
  });

  it('tells the clinic of a draft order, and the pharmacy only once the order is sent to it', async () => {
    const [clinician, pharmacist, otherPharmacy] = await listening(
      as('clinician'),
      as('pharmacist'),
      otherPharmacist,
    );
    const created = await server.graphql<{ createOrder: { id: string; version: number } }>(
      CREATE,
      { trialId: world.trial.id, input: CAPSULE_PACK },
      { cookie: world.cookies.coordinator },
    );
    const order = created.data?.createOrder;
    if (order === undefined) throw new Error(JSON.stringify(created.errors));
    await vi.waitFor(() =>
      expect(clinician?.heard).toContainEqual({
        entity: 'Order',
        id: order.id,
        orderId: order.id,
        trialId: world.trial.id,
        patientId: world.patient.id,
      }),
    );
    await quietPeriod();
    expect(pharmacist?.heard).toEqual([]);

    // Sent by whatever path (here a write straight to the database, as a job or another process
    // would): the triggers announce it, and the pharmacy hears the order — not the patient or trial.
    await server.db.prisma.order.update({
      where: { id: order.id },
      data: { state: 'SUBMITTED', submittedAt: new Date('2026-03-01T15:00:00Z'), version: { increment: 1 } },
    });
    await vi.waitFor(() =>
      expect(pharmacist?.heard).toContainEqual({
        entity: 'Order',
        id: order.id,
        orderId: order.id,
        trialId: null,
        patientId: null,
      }),
    );

    // The pharmacy acknowledges it over the API; the clinic's open screens hear of it.
    const heardBefore = clinician?.heard.length ?? 0;
    const acknowledged = await server.graphql(
      ACK,
      { input: { orderId: order.id, version: order.version + 1 } },
      { cookie: world.cookies.pharmacist },
    );
    expect(acknowledged.errors).toBeUndefined();
    await vi.waitFor(() =>
      expect(clinician?.heard.slice(heardBefore).map((change) => [change.entity, change.orderId])).toEqual(
        expect.arrayContaining([
          ['Order', order.id],
          ['OrderEvent', order.id],
        ]),
      ),
    );
    await quietPeriod();
    expect(otherPharmacy?.heard).toEqual([]);
  });

  it('tells each role of a sent order exactly what its queries reach', async () => {
    const people = {
      clinician: as('clinician'),
      coordinator: as('coordinator'),
      otherClinician: as('otherClinician'),
      pharmacist: as('pharmacist'),
      otherPharmacist,
      admin: as('admin'),
    };
    const opened = await listening(...Object.values(people));
    const heardBy = Object.fromEntries(Object.keys(people).map((role, n) => [role, opened[n]]));
    const created = await server.graphql<{ createOrder: { id: string } }>(
      CREATE,
      { trialId: world.trial.id, input: CAPSULE_PACK },
      { cookie: world.cookies.coordinator },
    );
    const orderId = created.data?.createOrder.id ?? '';
    await server.db.prisma.order.update({ where: { id: orderId }, data: { state: 'SUBMITTED' } });
    await vi.waitFor(() => expect(heardBy.pharmacist?.heard).toHaveLength(1));
    await quietPeriod();

    const inClinic = { orderId, trialId: world.trial.id, patientId: world.patient.id };
    for (const role of ['clinician', 'coordinator']) {
      expect(heardBy[role]?.heard).toContainEqual({ entity: 'Order', id: orderId, ...inClinic });
    }
    expect(heardBy.pharmacist?.heard).toEqual([
      { entity: 'Order', id: orderId, orderId, trialId: null, patientId: null },
    ]);
    for (const role of ['otherClinician', 'otherPharmacist', 'admin']) {
      expect(heardBy[role]?.heard, role).toEqual([]);
    }
  });

  it('says only which records changed: their ids, never what they hold', async () => {
    const [coordinator] = await listening(as('coordinator'));
    await server.graphql(
      REGISTER,
      { input: { givenName: 'Omar', familyName: 'Haddad', dateOfBirth: '1975-06-07', mrn: 'LIVE-2' } },
      { cookie: world.cookies.clinician },
    );
    await vi.waitFor(() => expect(coordinator?.heard.length).toBeGreaterThan(0));
    for (const change of coordinator?.heard ?? []) {
      expect(Object.keys(change).sort()).toEqual(['entity', 'id', 'orderId', 'patientId', 'trialId']);
      expect(JSON.stringify(change)).not.toMatch(/Omar|Haddad|1975/);
    }
  });

  it('writes one audit row for opening a subscription, naming who and from which socket', async () => {
    await listening(as('coordinator'));
    const [row] = await server.db.prisma.auditLog.findMany({
      where: { actorId: world.cast.coordinator.id, action: 'SUBSCRIBE' },
      orderBy: { at: 'desc' },
      take: 1,
    });
    expect(row).toMatchObject({
      organisationId: world.cast.clinic.id,
      entity: 'Change',
      entityId: null,
    });
    expect(row?.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });
});
