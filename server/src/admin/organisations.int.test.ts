import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aNetwork, anOrganisation, signIn } from '../test/builders.ts';
import { startTestServer, type TestServer } from '../test/harness.ts';
import { expectRefused, ok, Q } from './admin.fixtures.ts';

interface Organisation {
  id: string;
  kind: string;
  name: string;
  licenceNumber: string | null;
  phone: string | null;
  version: string;
  defaultPharmacy: { id: string } | null;
  allowedPharmacies: { id: string }[];
}

describe('managing clinics and pharmacies', () => {
  let server: TestServer;
  let cast: Awaited<ReturnType<typeof aNetwork>>;
  let admin: string;
  let pharmacyB: { id: string };
  const create = (input: Record<string, unknown>) =>
    server.graphql<{ createOrganisation: Organisation }>(Q.createOrganisation, { input }, { cookie: admin });
  const update = (id: string, input: Record<string, unknown>, version?: string) =>
    server.graphql<{ updateOrganisation: Organisation }>(
      Q.updateOrganisation,
      { id, version, input },
      { cookie: admin },
    );
  const auditRows = (entityId: string) =>
    server.db.prisma.auditLog.findMany({
      where: { entity: 'Organisation', entityId },
      orderBy: { id: 'asc' },
    });

  beforeAll(async () => {
    server = await startTestServer();
    cast = await aNetwork(server.db.prisma);
    admin = await signIn(server, cast.admin);
    pharmacyB = await anOrganisation(server.db.prisma, 'PHARMACY', 'Pharmacy B');
  });
  afterAll(async () => {
    await server?.close();
  });

  it('lists organisations by name, narrowed by kind', async () => {
    const all = await ok<{ organisations: Organisation[] }>(server, Q.organisations, {}, admin);
    expect(all.organisations.map((o) => o.name)).toEqual(
      [...all.organisations.map((o) => o.name)].sort((a, b) => a.localeCompare(b)),
    );
    const pharmacies = await ok<{ organisations: Organisation[] }>(
      server,
      Q.organisations,
      { kind: 'PHARMACY' },
      admin,
    );
    expect(pharmacies.organisations.map((o) => o.id).sort()).toEqual([cast.pharmacy.id, pharmacyB.id].sort());
  });

  it('creates a pharmacy with its licence number, audited', async () => {
    const response = await create({
      kind: 'PHARMACY',
      name: '  Hillside Compounding ',
      city: 'Salem',
      phone: '503-555-0100',
      licenceNumber: 'OR-RX-1',
    });
    const pharmacy = response.data!.createOrganisation;
    expect(pharmacy).toMatchObject({
      kind: 'PHARMACY',
      name: 'Hillside Compounding',
      licenceNumber: 'OR-RX-1',
    });
    expect(await auditRows(pharmacy.id)).toMatchObject([{ action: 'CREATE', actorId: cast.admin.id }]);
  });

  it('refuses a pharmacy without a licence number, and a licence number on a clinic', async () => {
    expectRefused(await create({ kind: 'PHARMACY', name: 'No licence' }), 'BAD_USER_INPUT', 'licenceNumber');
    expectRefused(
      await create({ kind: 'CLINIC', name: 'Licensed clinic', licenceNumber: 'X-1' }),
      'BAD_USER_INPUT',
      'licenceNumber',
    );
  });

  it('creates a clinic with allowed pharmacies and a default among them', async () => {
    const response = await create({
      kind: 'CLINIC',
      name: 'Lakeside Pain Clinic',
      allowedPharmacyIds: [cast.pharmacy.id, pharmacyB.id, cast.pharmacy.id],
      defaultPharmacyId: pharmacyB.id,
    });
    const clinic = response.data!.createOrganisation;
    expect(clinic.defaultPharmacy).toEqual({ id: pharmacyB.id });
    expect(clinic.allowedPharmacies.map((p) => p.id).sort()).toEqual([cast.pharmacy.id, pharmacyB.id].sort());
  });

  it('refuses a default pharmacy that is not one of the allowed', async () => {
    const response = await create({
      kind: 'CLINIC',
      name: 'Default outside',
      allowedPharmacyIds: [cast.pharmacy.id],
      defaultPharmacyId: pharmacyB.id,
    });
    expectRefused(response, 'BAD_USER_INPUT', 'defaultPharmacyId');
  });

  it.each([
    ['a clinic', () => cast.otherClinic.id],
    ['the network', () => cast.network.id],
    ['an id of nothing', () => '00000000-0000-4000-8000-000000000000'],
  ])('accepts only pharmacies as allowed pharmacies, not %s', async (_what, id) => {
    const response = await create({ kind: 'CLINIC', name: 'Odd choice', allowedPharmacyIds: [id()] });
    expectRefused(response, 'BAD_USER_INPUT', 'allowedPharmacyIds');
    expect(await server.db.prisma.organisation.count({ where: { name: 'Odd choice' } })).toBe(0);
  });

  it('refuses pharmacies on a pharmacy, and a second network administration', async () => {
    expectRefused(
      await create({ kind: 'PHARMACY', name: 'P', licenceNumber: 'L', allowedPharmacyIds: [pharmacyB.id] }),
      'BAD_USER_INPUT',
      'allowedPharmacyIds',
    );
    expectRefused(await create({ kind: 'NETWORK', name: 'Second network' }), 'BAD_USER_INPUT', 'kind');
  });

  it('updates a clinic: fields left out stay, null empties, the pharmacy list is replaced', async () => {
    const created = (
      await create({
        kind: 'CLINIC',
        name: 'Update me',
        phone: '555-0101',
        allowedPharmacyIds: [cast.pharmacy.id],
      })
    ).data!.createOrganisation;
    const response = await update(
      created.id,
      { city: 'Eugene', phone: null, allowedPharmacyIds: [pharmacyB.id], defaultPharmacyId: pharmacyB.id },
      created.version,
    );
    const updated = response.data!.updateOrganisation;
    expect(updated).toMatchObject({ name: 'Update me', phone: null, defaultPharmacy: { id: pharmacyB.id } });
    expect(updated.allowedPharmacies).toEqual([{ id: pharmacyB.id }]);
    expect(updated.version).not.toBe(created.version);
    expect((await auditRows(created.id)).map((row) => row.action)).toEqual(['CREATE', 'UPDATE']);
  });

  it('refuses an update that leaves the default outside the allowed pharmacies', async () => {
    const clinic = (
      await create({
        kind: 'CLINIC',
        name: 'Keep default',
        allowedPharmacyIds: [cast.pharmacy.id, pharmacyB.id],
        defaultPharmacyId: cast.pharmacy.id,
      })
    ).data!.createOrganisation;
    expectRefused(
      await update(clinic.id, { allowedPharmacyIds: [pharmacyB.id] }),
      'BAD_USER_INPUT',
      'defaultPharmacyId',
    );
    const cleared = await update(clinic.id, { allowedPharmacyIds: [pharmacyB.id], defaultPharmacyId: null });
    expect(cleared.data?.updateOrganisation).toMatchObject({
      defaultPharmacy: null,
      allowedPharmacies: [{ id: pharmacyB.id }],
    });
  });

  it('refuses a stale version with CONFLICT and leaves the newer change in place', async () => {
    const clinic = (await create({ kind: 'CLINIC', name: 'Contended' })).data!.createOrganisation;
    await update(clinic.id, { name: 'First writer' }, clinic.version);
    expectRefused(await update(clinic.id, { name: 'Second writer' }, clinic.version), 'CONFLICT');
    const row = await server.db.prisma.organisation.findUniqueOrThrow({ where: { id: clinic.id } });
    expect(row.name).toBe('First writer');
  });

  it('refuses an empty name and answers NOT_FOUND for an unknown organisation', async () => {
    expectRefused(await update(cast.clinic.id, { name: '   ' }), 'BAD_USER_INPUT', 'name');
    expectRefused(await update(cast.clinic.id, { name: null }), 'BAD_USER_INPUT', 'name');
    expectRefused(await update('00000000-0000-4000-8000-000000000000', { name: 'X' }), 'NOT_FOUND');
    expectRefused(await update('not-an-id', { name: 'X' }), 'NOT_FOUND');
  });

  it("keeps a pharmacy's licence number required on update", async () => {
    expectRefused(await update(cast.pharmacy.id, { licenceNumber: '' }), 'BAD_USER_INPUT', 'licenceNumber');
    const response = await update(cast.pharmacy.id, { licenceNumber: 'OR-RX-9' });
    expect(response.data?.updateOrganisation.licenceNumber).toBe('OR-RX-9');
  });
});
