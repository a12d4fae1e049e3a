import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { applyMigrations, type Database, openPostgres } from '@ldn/db';
import { DEMO_PASSWORD, seedDemo } from '@ldn/db/demo';
import { createTestDatabaseUrl, type TestDatabaseUrl, testDatabaseTarget } from '@ldn/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseSnapshot, snapshotDatabase } from '../test/database-snapshot.ts';
import { startTestServer } from '../test/harness.ts';

const repoRoot = resolve(import.meta.dirname, '..', '..', '..');
const tsx = join(repoRoot, 'server', 'node_modules', '.bin', 'tsx');
// What `pnpm db:backup` / `pnpm db:restore` run (package.json), and the image's `ldn`.
const ldn = join(repoRoot, 'server', 'src', 'cli', 'ldn.ts');

function ldnCommand(env: Record<string, string>, ...args: string[]) {
  const result = spawnSync(tsx, ['--conditions=development', ldn, ...args], {
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: '', DIRECT_DATABASE_URL: '', ...env },
    timeout: 120_000,
  });
  return {
    status: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
    output: result.stdout + result.stderr,
  };
}

/** The URL with a password: the test server trusts any, and none may appear in what is printed. */
const PASSWORD = `pw-${randomBytes(6).toString('hex')}`;
const withPassword = (url: string) => {
  const parsed = new URL(url);
  parsed.password = PASSWORD;
  return parsed.toString();
};

/** Signs in as a demo clinician and reads patients through the API: what the app shows, and audit rows. */
async function clinicianReads(db: Database): Promise<string[]> {
  const server = await startTestServer({ db });
  try {
    const signIn = await server.graphql('mutation ($input: SignInInput!) { signIn(input: $input) { id } }', {
      input: { email: 'clinician@riverside.demo', password: DEMO_PASSWORD },
    });
    const cookie = signIn.setCookie.find((c) => c.startsWith('ldn_session='))?.split(';')[0] ?? '';
    const list = await server.graphql<{ patients: { edges: { node: { id: string } }[] } }>(
      'query { patients(first: 50) { edges { node { id } } } }',
      {},
      { cookie },
    );
    expect(list.errors).toBeUndefined();
    const ids = (list.data?.patients.edges ?? []).map((edge) => edge.node.id).sort();
    const one = await server.graphql(
      'query ($id: ID!) { patient(id: $id) { id } }',
      { id: ids[0] },
      { cookie },
    );
    expect(one.errors).toBeUndefined();
    return ids;
  } finally {
    await server.close();
  }
}

describe.skipIf((await testDatabaseTarget()).kind !== 'postgres')(
  'pnpm db:backup and db:restore on PostgreSQL',
  () => {
    const dir = mkdtempSync(join(tmpdir(), 'ldn-backup-'));
    const file = join(dir, 'ldn.dump');
    const databases: TestDatabaseUrl[] = [];
    const newDatabase = async (contents: 'migrated' | 'empty') => {
      const created = await createTestDatabaseUrl(contents);
      if (created === null) throw new Error('no test server');
      databases.push(created);
      return created.url;
    };
    let sourceUrl: string;
    let original: DatabaseSnapshot;
    let shownPatients: string[];

    beforeAll(async () => {
      sourceUrl = await newDatabase('migrated');
      const source = openPostgres({ url: sourceUrl, maxConnections: 3 });
      try {
        await seedDemo(source.prisma);
        shownPatients = await clinicianReads(source);
        original = await snapshotDatabase(source);
      } finally {
        await source.close();
      }
    }, 120_000);

    afterAll(async () => {
      for (const database of databases) await database.drop();
      rmSync(dir, { recursive: true, force: true });
    });

    it('restores into a new database exactly what was backed up, triggers included, and the app serves it', async () => {
      expect(original.tables.Patient?.rows).toBe(38);
      expect(original.tables.AuditLog?.rows).toBeGreaterThanOrEqual(2);
      expect(original.tables._prisma_migrations?.rows).toBeGreaterThan(0);

      const backup = ldnCommand({ DATABASE_URL: withPassword(sourceUrl) }, 'db:backup', file);
      expect(backup.stderr).toBe('');
      expect(backup.status).toBe(0);
      expect(backup.stdout).toMatch(
        /^Backed up database "ldn_test_\w+" on 127\.0\.0\.1:5432 \(PostgreSQL 1\d/,
      );
      expect(readFileSync(file).subarray(0, 5).toString()).toBe('PGDMP');

      const targetUrl = await newDatabase('empty');
      const restore = ldnCommand({ DATABASE_URL: withPassword(targetUrl) }, 'db:restore', file);
      expect(restore.stderr).toBe('');
      expect(restore.status).toBe(0);
      expect(restore.stdout).toMatch(/^Restored .* tables\./);
      expect(backup.output + restore.output).not.toContain(PASSWORD);

      const restored = openPostgres({ url: targetUrl, maxConnections: 3 });
      try {
        const copy = await snapshotDatabase(restored);
        expect(copy).toEqual(original);
        // The migrations' table came along, checksums included: nothing is pending.
        expect(await applyMigrations(restored)).toEqual([]);
        // The database's own guarantees were restored, not only their names.
        await expect(
          restored.prisma.$executeRawUnsafe(`UPDATE "AuditLog" SET "action" = 'X'`),
        ).rejects.toThrow(/append-only/);
        await expect(restored.prisma.$executeRawUnsafe(`DELETE FROM "OrderSignature"`)).rejects.toThrow(
          /cannot be changed/,
        );
        expect(await clinicianReads(restored)).toEqual(shownPatients);
      } finally {
        await restored.close();
      }
    }, 180_000);

    it('refuses a database that has tables, and --clean replaces it only once nobody is connected', async () => {
      const refused = ldnCommand({ DATABASE_URL: sourceUrl }, 'db:restore', file);
      expect(refused.status).toBe(1);
      expect(refused.stderr).toMatch(/is not empty \(\d+ tables\).*new, empty database.*--clean/);

      const targetUrl = await newDatabase('migrated');
      const target = openPostgres({ url: targetUrl, maxConnections: 1 });
      try {
        await target.prisma.organisation.create({
          data: { kind: 'CLINIC', name: 'Replaced by the restore' },
        });
        const before = await snapshotDatabase(target);
        const busy = ldnCommand({ DATABASE_URL: targetUrl }, 'db:restore', file, '--clean');
        expect(busy.status).toBe(1);
        expect(busy.stderr).toMatch(/other connections: stop the server/);
        expect(await snapshotDatabase(target)).toEqual(before);
      } finally {
        await target.close();
      }
      const clean = ldnCommand({ DATABASE_URL: targetUrl }, 'db:restore', file, '--clean');
      expect(clean.stderr).toBe('');
      expect(clean.status).toBe(0);
      const replaced = openPostgres({ url: targetUrl, maxConnections: 1 });
      try {
        expect(await snapshotDatabase(replaced)).toEqual(original);
      } finally {
        await replaced.close();
      }
    }, 180_000);

    it('refuses damaged and wrong files with a reason, leaving the database empty', async () => {
      const targetUrl = await newDatabase('empty');
      const truncated = join(dir, 'truncated.dump');
      writeFileSync(truncated, readFileSync(file).subarray(0, Math.floor(readFileSync(file).length * 0.9)));
      const damaged = ldnCommand({ DATABASE_URL: targetUrl }, 'db:restore', truncated);
      expect(damaged.status).toBe(1);
      expect(damaged.stderr).toMatch(/cannot be read as a backup|pg_restore failed/);

      // A tarball of an embedded database's folder (its first entry, PG_VERSION, is what tells it).
      const header = Buffer.alloc(512);
      header.write('PG_VERSION', 0);
      header.write('0000644\0', 100);
      header.write('00000000003\0', 124);
      header.write('ustar\0', 257);
      const pglite = join(dir, 'embedded.pglite.tar.gz');
      writeFileSync(pglite, gzipSync(Buffer.concat([header, Buffer.from('18\n'), Buffer.alloc(509 + 1024)])));
      const wrongKind = ldnCommand({ DATABASE_URL: targetUrl }, 'db:restore', pglite);
      expect(wrongKind.status).toBe(1);
      expect(wrongKind.stderr).toMatch(
        /backup of the embedded database \(PGlite data directory, PostgreSQL 18\)/,
      );

      const notABackup = join(dir, 'notes.txt');
      writeFileSync(notABackup, 'not a backup');
      const unknown = ldnCommand({ DATABASE_URL: targetUrl }, 'db:restore', notABackup);
      expect(unknown.status).toBe(1);
      expect(unknown.stderr).toMatch(/is not a backup made by pnpm db:backup/);

      const target = openPostgres({ url: targetUrl, maxConnections: 1 });
      try {
        expect((await snapshotDatabase(target)).tables).toEqual({});
      } finally {
        await target.close();
      }
    }, 120_000);

    it('says when pg_dump is older than the server, and when the grants name a role the server lacks', async () => {
      const fake = join(dir, 'old-pg_dump');
      writeFileSync(fake, '#!/bin/sh\necho "pg_dump (PostgreSQL) 9.6.24"\n');
      chmodSync(fake, 0o755);
      const old = ldnCommand(
        { DATABASE_URL: withPassword(sourceUrl), PG_DUMP: fake },
        'db:backup',
        join(dir, 'old.dump'),
      );
      expect(old.status).toBe(1);
      expect(old.stderr).toMatch(/pg_dump 9\.6 cannot back up PostgreSQL 1\d.*must be version 1\d or later/);
      expect(old.output).not.toContain(PASSWORD);
      expect(existsSync(join(dir, 'old.dump'))).toBe(false);

      // A generated name, never input: safe to put into the statements.
      const role = `ldn_test_role_${randomBytes(4).toString('hex')}`;
      const sourceWithGrant = await newDatabase('empty');
      const admin = openPostgres({ url: sourceWithGrant, maxConnections: 1 });
      try {
        await admin.withSession(async (session) => {
          await session.exec(
            `CREATE ROLE ${role} NOLOGIN; CREATE TABLE reading (id int); GRANT SELECT ON reading TO ${role}`,
          );
        });
        const granted = join(dir, 'granted.dump');
        expect(ldnCommand({ DATABASE_URL: sourceWithGrant }, 'db:backup', granted).status).toBe(0);
        await admin.withSession((session) => session.exec(`DROP TABLE reading; DROP ROLE ${role}`));
        const missing = ldnCommand({ DATABASE_URL: sourceWithGrant }, 'db:restore', granted);
        expect(missing.status).toBe(1);
        expect(missing.stderr).toContain(`does not have (${role}): create them first`);
        expect((await snapshotDatabase(admin)).tables).toEqual({});
      } finally {
        await admin.withSession((session) => session.exec(`DROP ROLE IF EXISTS ${role}`)).catch(() => {});
        await admin.close();
      }
    }, 120_000);
  },
);
