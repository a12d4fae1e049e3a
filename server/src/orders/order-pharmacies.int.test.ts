import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anOrganisation } from '../test/builders.ts';
import { startTestServer, type TestServer } from '../test/harness.ts';
import { CAPSULE_PACK, CREATE, orderWorld } from './order.fixtures.ts';

const PHARMACIES = '{ orderPharmacies { id name isDefault } }';

describe('the pharmacies a clinic may send orders to', () => {
  let server: TestServer;
  let world: Awaited<ReturnType<typeof orderWorld>>;
  let extra: { id: string; name: string };
  let closed: { id: string };
  let notAllowed: { id: string };

  beforeAll(async () => {
    server = await startTestServer();
    world = await orderWorld(server);
    const prisma = server.db.prisma;
    extra = await anOrganisation(prisma, 'PHARMACY', 'Apothecary Extra');
    closed = await anOrganisation(prisma, 'PHARMACY', 'Closed Pharmacy');
    notAllowed = await anOrganisation(prisma, 'PHARMACY', 'Not Allowed Pharmacy');
    await prisma.organisation.update({ where: { id: closed.id }, data: { active: false } });
    await prisma.clinicPharmacy.createMany({
      data: [extra, closed].map((pharmacy) => ({ clinicId: world.cast.clinic.id, pharmacyId: pharmacy.id })),
    });
  });
  afterAll(async () => {
    await server?.close();
  });

  const pharmaciesFor = (cookie: string | undefined) =>
    server.graphql<{ orderPharmacies: { id: string; name: string; isDefault: boolean }[] }>(
      PHARMACIES,
      {},
      { cookie },
    );

  it('lists the default first, then the other active allowed pharmacies by name', async () => {
    for (const cookie of [world.cookies.clinician, world.cookies.coordinator]) {
      const { data, errors } = await pharmaciesFor(cookie);
      expect(errors).toBeUndefined();
      expect(data?.orderPharmacies).toEqual([
        { id: world.cast.pharmacy.id, name: 'Pharmacy P', isDefault: true },
        { id: extra.id, name: 'Apothecary Extra', isDefault: false },
      ]);
    }
  });

  it('lists exactly what createOrder accepts', async () => {
    const send = (pharmacyId: string) =>
      server.graphql<{ createOrder: { pharmacyName: string } }>(
        CREATE,
        { trialId: world.trial.id, input: { ...CAPSULE_PACK, pharmacyId } },
        { cookie: world.cookies.clinician },
      );
    expect((await send(extra.id)).data?.createOrder.pharmacyName).toBe('Apothecary Extra');
    for (const refused of [closed.id, notAllowed.id]) {
      const { errors } = await send(refused);
      expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'pharmacyId' });
    }
  });

  it('shows another clinic only its own list', async () => {
    const { data } = await pharmaciesFor(world.cookies.otherClinician);
    expect(data?.orderPharmacies).toEqual([]);
  });

  it.each(['pharmacist', 'admin'] as const)('is refused to a %s', async (role) => {
    const { data, errors } = await pharmaciesFor(world.cookies[role]);
    expect(data).toBeNull();
    expect(errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('is refused without a session', async () => {
    const { errors } = await server.graphql(PHARMACIES, {});
    expect(errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
