import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyPostgresDatabase, type Started, startProduct, stopProduct } from './product.ts';

// What a failover, a pooler restart or an idle-in-transaction timeout does to the server's
// connections, done 20 times while clinicians register patients (issue 14, item 1).
const ROUNDS = 20;
const WRITERS = 4;
const RECOVERY_MS = 2_000;

const REGISTER = `mutation ($input: RegisterPatientInput!) { registerPatient(input: $input) { id mrn } }`;

interface Acknowledged {
  id: string;
  mrn: string;
}

/** Terminates every connection to `database` but the caller's own. */
async function terminateConnections(admin: pg.Client, database: string): Promise<number> {
  const { rowCount } = await admin.query(
    'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
    [database],
  );
  return rowCount ?? 0;
}

/** Milliseconds until /readyz answers 200 again (polled every 25 ms); Infinity past `limit`. */
async function msUntilReady(url: string, limit: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started <= limit) {
    const status = await fetch(`${url}/readyz`).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return Number.POSITIVE_INFINITY;
}

async function signIn(url: string): Promise<string> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation ($input: SignInInput!) { signIn(input: $input) { name } }',
      variables: { input: { email: 'clinician@riverside.demo', password: 'ldn-demo-2026' } },
    }),
  });
  const cookie = response.headers.getSetCookie()[0]?.split(';')[0];
  if (cookie === undefined) throw new Error(`sign-in failed: ${await response.text()}`);
  return cookie;
}

/**
 * Registers patients one after another until `running()` is false; returns those the API
 * acknowledged (an answer with the patient's id). Refusals and network errors during an outage
 * are expected and not counted.
 */
async function registerPatients(url: string, cookie: string, writer: number, running: () => boolean) {
  const acknowledged: Acknowledged[] = [];
  for (let n = 0; running(); n++) {
    const mrn = `CL-${writer}-${n}`;
    const input = { givenName: 'Lost', familyName: `Connection ${writer}`, dateOfBirth: '1970-05-06', mrn };
    try {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify({ query: REGISTER, variables: { input } }),
      });
      const body = (await response.json()) as { data?: { registerPatient?: Acknowledged } | null };
      const patient = body.data?.registerPatient;
      if (patient !== undefined) acknowledged.push(patient);
    } catch {
      // The connection to the API itself failed: not acknowledged.
    }
  }
  return acknowledged;
}

const databaseName = `ldn_system_connection_loss_${process.pid}`;
const databaseUrl = await emptyPostgresDatabase(databaseName);

// Terminating backends needs a real PostgreSQL server; PGlite has one connection and no backends.
describe.skipIf(databaseUrl === null)('a lost database connection (real PostgreSQL)', () => {
  let product: Started;
  let admin: pg.Client;
  beforeAll(async () => {
    product = await startProduct({ DATABASE_URL: databaseUrl ?? '', SEED_DEMO: 'true', LOG_LEVEL: 'warn' });
    const adminUrl = new URL(databaseUrl ?? '');
    adminUrl.pathname = '/postgres';
    admin = new pg.Client({ connectionString: adminUrl.toString() });
    await admin.connect();
  });
  afterAll(async () => {
    if (product !== undefined) await stopProduct(product);
    if (admin !== undefined) {
      await admin.query(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
      await admin.end();
    }
  });

  it('never kills the process: the API answers again within 2 s and no acknowledged write is lost or half-written', async () => {
    const cookie = await signIn(product.url);
    let running = true;
    const writers = Array.from({ length: WRITERS }, (_, writer) =>
      registerPatients(product.url, cookie, writer, () => running),
    );
    // A load balancer's health checks, all the while (each holds a session for the migrations check).
    const probes = Array.from({ length: 2 }, async () => {
      while (running) {
        await fetch(`${product.url}/readyz`).catch(() => {});
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    });
    const recoveries: number[] = [];
    try {
      for (let round = 0; round < ROUNDS; round++) {
        // Let writes and reads be in flight (checked-out clients, open transactions) first.
        await new Promise((resolve) => setTimeout(resolve, 150));
        await terminateConnections(admin, databaseName);
        recoveries.push(await msUntilReady(product.url, RECOVERY_MS));
        expect(product.process.exitCode, product.output()).toBeNull();
      }
    } finally {
      running = false;
    }
    const acknowledged = (await Promise.all(writers)).flat();
    await Promise.all(probes);

    expect(product.process.exitCode, product.output()).toBeNull();
    expect(product.output()).not.toMatch(/Unhandled 'error' event|uncaught/i);
    // The losses were seen and logged, not swallowed unseen.
    expect(product.output()).toContain('database connection lost');
    expect(
      recoveries.every((ms) => ms <= RECOVERY_MS),
      `recoveries (ms): ${recoveries.join(', ')}`,
    ).toBe(true);
    // Writes got through between the outages, not only before the first.
    expect(acknowledged.length).toBeGreaterThan(ROUNDS);

    // Every acknowledged registration is there, whole: the patient and its audit row.
    const database = new pg.Client({ connectionString: databaseUrl ?? '' });
    await database.connect();
    try {
      const { rows } = await database.query<{ id: string; mrn: string; audited: boolean }>(
        `SELECT p.id, p.mrn, EXISTS (
           SELECT 1 FROM "AuditLog" a
           WHERE a.entity = 'Patient' AND a."entityId" = p.id::text AND a.action = 'CREATE'
         ) AS audited
         FROM "Patient" p WHERE p.id = ANY($1::uuid[])`,
        [acknowledged.map((patient) => patient.id)],
      );
      const stored = new Map(rows.map((row) => [row.id, row]));
      const missing = acknowledged.filter((patient) => stored.get(patient.id)?.mrn !== patient.mrn);
      const unaudited = rows.filter((row) => !row.audited);
      expect(missing).toEqual([]);
      expect(unaudited).toEqual([]);
      // No half-written registration either: every patient the writers made has its audit row.
      const { rows: orphans } = await database.query(
        `SELECT p.id FROM "Patient" p WHERE p.mrn LIKE 'CL-%' AND NOT EXISTS (
           SELECT 1 FROM "AuditLog" a WHERE a.entity = 'Patient' AND a."entityId" = p.id::text
         )`,
      );
      expect(orphans).toEqual([]);
    } finally {
      await database.end();
    }
  });
});
