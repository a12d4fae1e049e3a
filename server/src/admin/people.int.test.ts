import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aNetwork, aPerson, signIn } from '../test/builders.ts';
import { startTestServer, type TestServer } from '../test/harness.ts';
import { expectRefused, ok, Q } from './admin.fixtures.ts';

interface Person {
  id: string;
  email: string;
  role: string;
  npi: string | null;
  active: boolean;
  deactivatedAt: string | null;
  invitationPending: boolean;
  organisation: { id: string; kind: string };
}
interface PersonLink {
  link: string;
  expiresAt: string;
  person: Person;
}

describe('inviting and managing people', () => {
  let server: TestServer;
  let cast: Awaited<ReturnType<typeof aNetwork>>;
  let admin: string;
  const invite = (input: Record<string, unknown>) =>
    server.graphql<{ invitePerson: PersonLink }>(Q.invitePerson, { input }, { cookie: admin });
  const changeRole = (userId: string, role: string, npi?: string) =>
    server.graphql<{ changeRole: Person }>(Q.changeRole, { userId, role, npi }, { cookie: admin });

  beforeAll(async () => {
    server = await startTestServer();
    cast = await aNetwork(server.db.prisma);
    admin = await signIn(server, cast.admin);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('invites a clinician: no password yet, a one-time link, the token stored only as a hash', async () => {
    const response = await invite({
      email: 'New.Clinician@Example.TEST',
      name: 'Dr. New Clinician',
      organisationId: cast.clinic.id,
      role: 'CLINICIAN',
      npi: '1245319599',
    });
    const { person, link, expiresAt } = response.data!.invitePerson;
    expect(person).toMatchObject({
      email: 'new.clinician@example.test',
      role: 'CLINICIAN',
      npi: '1245319599',
      active: true,
      invitationPending: true,
      organisation: { id: cast.clinic.id, kind: 'CLINIC' },
    });
    expect(link).toMatch(/^\/accept-invitation\?token=[\w-]{43}$/);
    const days = (Date.parse(expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    const user = await server.db.prisma.user.findUniqueOrThrow({ where: { id: person.id } });
    expect(user.passwordHash).toBeNull();
    const token = decodeURIComponent(link.split('token=')[1] ?? '');
    const stored = await server.db.prisma.userToken.findFirstOrThrow({ where: { userId: person.id } });
    expect(stored).toMatchObject({ kind: 'INVITATION', usedAt: null, createdById: cast.admin.id });
    expect(stored.tokenHash).not.toBe(token);
    expect(stored.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    const rows = await server.db.prisma.auditLog.findMany({
      where: { action: 'INVITE', entityId: person.id },
    });
    expect(rows).toMatchObject([{ actorId: cast.admin.id, organisationId: cast.network.id, entity: 'User' }]);
  });

  it.each([
    ['CLINIC', 'PHARMACIST'],
    ['CLINIC', 'ADMIN'],
    ['PHARMACY', 'COORDINATOR'],
    ['PHARMACY', 'CLINICIAN'],
    ['NETWORK', 'PHARMACIST'],
    ['NETWORK', 'CLINICIAN'],
  ])('refuses a role the organisation does not have: %s with %s', async (kind, role) => {
    const organisationId = { CLINIC: cast.clinic.id, PHARMACY: cast.pharmacy.id, NETWORK: cast.network.id }[
      kind
    ];
    const response = await invite({
      email: `misfit-${kind}-${role}@example.test`,
      name: 'Misfit',
      organisationId,
      role,
      npi: role === 'CLINICIAN' ? '1234567893' : null,
    });
    expectRefused(response, 'BAD_USER_INPUT', 'role');
  });

  it.each([
    ['COORDINATOR', 'CLINIC'],
    ['PHARMACIST', 'PHARMACY'],
    ['ADMIN', 'NETWORK'],
  ])('invites a %s into a %s', async (role, kind) => {
    const organisationId = { CLINIC: cast.clinic.id, PHARMACY: cast.pharmacy.id, NETWORK: cast.network.id }[
      kind
    ];
    const response = await invite({ email: `fit-${role}@example.test`, name: 'Fit', organisationId, role });
    expect(response.data?.invitePerson.person).toMatchObject({ role, npi: null, organisation: { kind } });
  });

  it.each([
    ['no NPI', undefined],
    ['a wrong check digit', '1234567890'],
    ['nine digits', '123456789'],
  ])('refuses a clinician with %s', async (_what, npi) => {
    const response = await invite({
      email: 'npi-less@example.test',
      name: 'Dr. Nobody',
      organisationId: cast.clinic.id,
      role: 'CLINICIAN',
      npi,
    });
    expectRefused(response, 'BAD_USER_INPUT', 'npi');
  });

  it('refuses an email someone already has, in any case', async () => {
    const response = await invite({
      email: cast.pharmacist.email.toUpperCase(),
      name: 'Twin',
      organisationId: cast.pharmacy.id,
      role: 'PHARMACIST',
    });
    expectRefused(response, 'BAD_USER_INPUT', 'email');
  });

  it('lists people by name, narrowed by organisation, role and active', async () => {
    const inClinic = await ok<{ people: Person[] }>(
      server,
      Q.people,
      { organisationId: cast.clinic.id },
      admin,
    );
    expect(inClinic.people.every((p) => p.organisation.id === cast.clinic.id)).toBe(true);
    expect(inClinic.people.map((p) => p.id)).toEqual(
      expect.arrayContaining([cast.clinician.id, cast.coordinator.id]),
    );
    const pharmacists = await ok<{ people: Person[] }>(server, Q.people, { role: 'PHARMACIST' }, admin);
    expect(pharmacists.people.every((p) => p.role === 'PHARMACIST')).toBe(true);
    const gone = await aPerson(server.db.prisma, cast.otherClinic.id, 'COORDINATOR', { active: false });
    const inactive = await ok<{ people: Person[] }>(server, Q.people, { active: false }, admin);
    expect(inactive.people.map((p) => p.id)).toEqual([gone.id]);
    const people = await ok<{ people: { passwordHash?: unknown }[] }>(server, Q.people, {}, admin);
    expect(JSON.stringify(people)).not.toMatch(/argon2/);
  });

  it('issues a password reset link valid for a day; an earlier one stops working', async () => {
    const first = await ok<{ resetPasswordLink: PersonLink }>(
      server,
      Q.resetPasswordLink,
      { userId: cast.pharmacist.id },
      admin,
    );
    expect(first.resetPasswordLink.link).toMatch(/^\/reset-password\?token=[\w-]{43}$/);
    const hours = (Date.parse(first.resetPasswordLink.expiresAt) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(23.9);
    expect(hours).toBeLessThan(24.1);
    await ok(server, Q.resetPasswordLink, { userId: cast.pharmacist.id }, admin);
    const live = await server.db.prisma.userToken.count({
      where: { userId: cast.pharmacist.id, kind: 'PASSWORD_RESET', expiresAt: { gt: new Date() } },
    });
    expect(live).toBe(1);
    expectRefused(
      await server.graphql(
        Q.resetPasswordLink,
        { userId: '00000000-0000-4000-8000-000000000000' },
        { cookie: admin },
      ),
      'NOT_FOUND',
    );
  });

  it('changes a coordinator into a clinician with an NPI, audited with the old and new role', async () => {
    const person = await aPerson(server.db.prisma, cast.clinic.id, 'COORDINATOR');
    expectRefused(await changeRole(person.id, 'CLINICIAN'), 'BAD_USER_INPUT', 'npi');
    const response = await changeRole(person.id, 'CLINICIAN', '1245319599');
    expect(response.data?.changeRole).toMatchObject({ role: 'CLINICIAN', npi: '1245319599' });
    const back = await changeRole(person.id, 'COORDINATOR');
    expect(back.data?.changeRole).toMatchObject({ role: 'COORDINATOR', npi: null });
    const rows = await server.db.prisma.auditLog.findMany({
      where: { entity: 'User', entityId: person.id },
      orderBy: { id: 'asc' },
    });
    expect(rows.map((row) => row.action)).toEqual([
      'ROLE_CHANGE_COORDINATOR_TO_CLINICIAN',
      'ROLE_CHANGE_CLINICIAN_TO_COORDINATOR',
    ]);
    expect(rows[0]).toMatchObject({ actorId: cast.admin.id, organisationId: cast.network.id });
  });

  it('refuses a role change that does not fit the organisation', async () => {
    expectRefused(await changeRole(cast.pharmacist.id, 'CLINICIAN', '1234567893'), 'BAD_USER_INPUT', 'role');
    expectRefused(await changeRole(cast.admin.id, 'COORDINATOR'), 'BAD_USER_INPUT', 'role');
    expect(
      await server.db.prisma.auditLog.count({ where: { action: { startsWith: 'ROLE_CHANGE_PHARMACIST' } } }),
    ).toBe(0);
  });

  it('a changed role applies at the next request of a signed-in person', async () => {
    const person = await aPerson(server.db.prisma, cast.clinic.id, 'COORDINATOR');
    const cookie = await signIn(server, person);
    await changeRole(person.id, 'CLINICIAN', '1234567893');
    expect((await ok<{ me: { role: string } }>(server, Q.me, {}, cookie)).me.role).toBe('CLINICIAN');
  });
});
