import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aNetwork, signIn } from '../test/builders.ts';
import { startTestServer, type TestServer } from '../test/harness.ts';

// workflows.md, "Everyone": the audit log is append-only. The database refuses any UPDATE, DELETE or
// TRUNCATE of "AuditLog" (migration 20261127130000_audit_append_only), whatever sends it: here
// the app's own connection, through Prisma's query API and raw SQL alike.

describe('the audit log is append-only in the database', () => {
  let server: TestServer;
  let row: { id: bigint; action: string; actorId: string | null };
  const prisma = () => server.db.prisma;

  beforeAll(async () => {
    server = await startTestServer();
    const cast = await aNetwork(server.db.prisma);
    await signIn(server, cast.clinician);
    row = await prisma().auditLog.findFirstOrThrow({
      where: { action: 'SIGN_IN', actorId: cast.clinician.id },
    });
  });
  afterAll(async () => {
    await server?.close();
  });

  const refused = { message: expect.stringMatching(/append-only/) };

  it.each([
    [
      'an update through Prisma',
      () => prisma().auditLog.update({ where: { id: row.id }, data: { action: 'READ' } }),
    ],
    ['an updateMany through Prisma', () => prisma().auditLog.updateMany({ data: { actorId: null } })],
    ['a delete through Prisma', () => prisma().auditLog.delete({ where: { id: row.id } })],
    ['a deleteMany through Prisma', () => prisma().auditLog.deleteMany({})],
    [
      'an UPDATE in SQL',
      () => prisma().$executeRaw`UPDATE "AuditLog" SET "action" = 'READ' WHERE "id" = ${row.id}`,
    ],
    ['a DELETE in SQL', () => prisma().$executeRaw`DELETE FROM "AuditLog" WHERE "id" = ${row.id}`],
    ['a TRUNCATE', () => prisma().$executeRaw`TRUNCATE "AuditLog"`],
  ])('refuses %s and leaves the row as it was', async (_case, change) => {
    const count = await prisma().auditLog.count();
    await expect(change()).rejects.toMatchObject(refused);
    expect(await prisma().auditLog.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject(row);
    expect(await prisma().auditLog.count()).toBe(count);
  });

  it('refuses a change inside a transaction, rolling the whole transaction back', async () => {
    const count = await prisma().auditLog.count();
    await expect(
      prisma().$transaction(async (tx) => {
        await tx.auditLog.create({
          data: { action: 'READ', entity: 'Patient', requestId: 'append-only-test' },
        });
        await tx.auditLog.deleteMany({ where: { id: row.id } });
      }),
    ).rejects.toMatchObject(refused);
    expect(await prisma().auditLog.count()).toBe(count);
  });

  it('still appends', async () => {
    const appended = await prisma().auditLog.create({
      data: { action: 'LIST', entity: 'Patient', entityIds: ['a', 'b'], requestId: 'append-only-test' },
    });
    expect(appended).toMatchObject({ entityId: null, entityIds: ['a', 'b'] });
  });
});
