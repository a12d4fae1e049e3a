import type { Database } from '@ldn/db';
import { createTestDatabase } from '@ldn/db/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hashToken } from '../auth/sessions.ts';
import { parseAdminCreateArgs, UsageError } from '../cli/admin-create.ts';
import { fixedClock } from '../test/harness.ts';
import { tokenOf } from './admin.fixtures.ts';
import { createFirstAdmin, FirstAdminRefused } from './first-admin.ts';

describe('pnpm admin:create (createFirstAdmin)', () => {
  const clock = fixedClock('2026-03-02T09:00:00Z');
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  // Each test starts from an empty (migrated) database; one database for the file keeps it quick.
  // The audit log is append-only (a trigger refuses TRUNCATE): each test reads the rows after its start.
  let auditBefore = 0n;
  beforeEach(async () => {
    await db.prisma
      .$executeRaw`TRUNCATE "UserToken", "Session", "User", "ClinicPharmacy", "Organisation" CASCADE`;
    auditBefore = (await db.prisma.auditLog.aggregate({ _max: { id: true } }))._max.id ?? 0n;
  });
  afterAll(async () => {
    await db?.close();
  });

  it('on an empty database creates the network administration and an invited ADMIN', async () => {
    const admin = await createFirstAdmin(
      db,
      { email: ' Ada@Example.TEST ', name: ' Ada Lovelace ', force: false },
      clock,
    );
    expect(admin).toMatchObject({ createdOrganisation: true, createdPerson: true, kind: 'INVITATION' });
    expect(admin.link).toMatch(/^\/accept-invitation\?token=[\w-]{43}$/);
    expect(admin.expiresAt.toISOString()).toBe('2026-03-09T09:00:00.000Z');
    const user = await db.prisma.user.findUniqueOrThrow({
      where: { id: admin.userId },
      include: { organisation: true },
    });
    expect(user).toMatchObject({
      email: 'ada@example.test',
      name: 'Ada Lovelace',
      role: 'ADMIN',
      active: true,
      passwordHash: null,
      organisation: { kind: 'NETWORK', name: 'Network administration' },
    });
    const token = await db.prisma.userToken.findUniqueOrThrow({
      where: { tokenHash: hashToken(tokenOf(admin.link)) },
    });
    expect(token).toMatchObject({ userId: user.id, kind: 'INVITATION', createdById: null });
    const rows = await db.prisma.auditLog.findMany({
      where: { id: { gt: auditBefore } },
      orderBy: { id: 'asc' },
    });
    expect(rows.map((row) => [row.action, row.entity, row.actorId, row.requestId])).toEqual([
      ['CREATE', 'Organisation', null, 'cli:admin-create'],
      ['INVITE', 'User', null, 'cli:admin-create'],
    ]);
  });

  it('refuses when an active ADMIN exists, leaving nothing behind', async () => {
    await createFirstAdmin(db, { email: 'first@example.test', name: 'First', force: false }, clock);
    const second = createFirstAdmin(
      db,
      { email: 'second@example.test', name: 'Second', force: false },
      clock,
    );
    await expect(second).rejects.toBeInstanceOf(FirstAdminRefused);
    await expect(second).rejects.toThrow(/--force/);
    expect(await db.prisma.user.count()).toBe(1);
    expect(await db.prisma.organisation.count()).toBe(1);
  });

  it('with --force adds another ADMIN to the existing network administration', async () => {
    const first = await createFirstAdmin(
      db,
      { email: 'first@example.test', name: 'First', force: false },
      clock,
    );
    const second = await createFirstAdmin(
      db,
      { email: 'second@example.test', name: 'Second', force: true },
      clock,
    );
    expect(second).toMatchObject({
      createdOrganisation: false,
      createdPerson: true,
      organisationId: first.organisationId,
    });
    expect(await db.prisma.user.count({ where: { role: 'ADMIN', active: true } })).toBe(2);
  });

  it("with --force and an existing administrator's email gives them a fresh link instead", async () => {
    const first = await createFirstAdmin(
      db,
      { email: 'first@example.test', name: 'First', force: false },
      clock,
    );
    await db.prisma.user.update({
      where: { id: first.userId },
      data: { passwordHash: 'set', active: false },
    });
    const again = await createFirstAdmin(
      db,
      { email: 'FIRST@example.test', name: 'First', force: true },
      clock,
    );
    expect(again).toMatchObject({ userId: first.userId, createdPerson: false, kind: 'PASSWORD_RESET' });
    expect(again.link).toMatch(/^\/reset-password\?token=/);
    expect(await db.prisma.user.findUniqueOrThrow({ where: { id: first.userId } })).toMatchObject({
      active: true,
    });
  });

  it('refuses an email that belongs to someone who is not an administrator', async () => {
    const clinic = await db.prisma.organisation.create({ data: { kind: 'CLINIC', name: 'Clinic' } });
    await db.prisma.user.create({
      data: { email: 'nurse@example.test', name: 'Nurse', role: 'COORDINATOR', organisationId: clinic.id },
    });
    const attempt = createFirstAdmin(db, { email: 'nurse@example.test', name: 'Nurse', force: false }, clock);
    await expect(attempt).rejects.toBeInstanceOf(FirstAdminRefused);
    expect(await db.prisma.organisation.count({ where: { kind: 'NETWORK' } })).toBe(0);
  });

  it.each([
    ['a malformed email', 'not-an-email', 'Name'],
    ['a blank name', 'ok@example.test', '   '],
  ])('refuses %s', async (_what, email, name) => {
    await expect(createFirstAdmin(db, { email, name, force: false }, clock)).rejects.toBeInstanceOf(
      FirstAdminRefused,
    );
  });
});

describe('the admin:create command line', () => {
  it('reads --email, --name and --force', () => {
    expect(parseAdminCreateArgs(['--email', 'a@b.test', '--name', 'A B'])).toEqual({
      email: 'a@b.test',
      name: 'A B',
      force: false,
    });
    expect(parseAdminCreateArgs(['--', '--email=a@b.test', '--name=A', '--force'])).toMatchObject({
      force: true,
    });
  });

  it.each([
    ['no name', ['--email', 'a@b.test']],
    ['an unknown option', ['--email', 'a@b.test', '--name', 'A', '--admin']],
    ['a stray word', ['--email', 'a@b.test', '--name', 'A', 'extra']],
  ])('refuses %s', (_what, argv) => {
    expect(() => parseAdminCreateArgs(argv)).toThrow(UsageError);
  });
});
