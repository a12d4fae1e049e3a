// `pnpm bench:pages` (and the second half of `pnpm bench`): the whole product through its real HTTP
// server, compiled and run as the image runs it in a process of its own (child-server.ts: `node
// server/dist/main.js`, built first when older than its sources), on a generated network (generate.ts +
// generate-care.ts) in a database of its own, `ldn_bench_pages`, on the local PostgreSQL
// (BENCH_DATABASE_URL, default postgresql://postgres@127.0.0.1:5432/postgres). Times, from
// BENCH_CLIENTS concurrent clients (default 8): the worklist, the trial page, patient search, the
// pharmacy queue (BENCH_REQUESTS each, default 400), sign-in (BENCH_SIGN_INS, default 40) and the
// continuation report (BENCH_REPORTS, default 8); prints p50/p95/p99, requests/s, the server's CPU
// time per request, the SQL statements of one request and the server's memory (resident after the
// warm-up, its peak during the timed run, V8's heap at the end of it). Beside it, a minimal node-postgres
// endpoint (minimal-endpoint.ts) answers the same JSON for the worklist and the trial page — checked
// equal first — and is timed the same way: the throughput ratio is the cost of the stack. Then a
// burst of 1,000 concurrent submitOrder calls over 200 idempotency keys (submissions.ts), after an
// untimed burst of 100 that warms its path up.
// BENCH_TRIALS (default 100,000) sizes the network. BENCH_KEEP=1 keeps the database afterwards (for
// `pnpm bench:explain`); BENCH_REUSE=1 times a kept one again (and keeps it), after applying any new
// migrations. The server's node runs with the Dockerfile CMD's options, or BENCH_SERVER_NODE_OPTIONS
// (space-separated) instead, to try V8's heap options.

import { applyMigrations, openPostgres, type PrismaClient } from '../prisma/src/index.ts';
import { BENCH_AS_OF, benchClock } from './bench-clock.ts';
import { benchPeople } from './bench-people.ts';
import { type BenchRequest, benchRequests } from './bench-requests.ts';
import {
  type ChildMemory,
  type ChildServer,
  imageMallocEnv,
  imageNodeOptions,
  startChildServer,
  startCompiledServer,
} from './child-server.ts';
import { generateNetwork, generateTrials } from './generate.ts';
import { generateCare, generatePharmacy } from './generate-care.ts';
import { markdownTable, ms, percentile, timeRequests } from './load.ts';
import { minimalRequests, sameJsonChecks } from './minimal-requests.ts';
import { benchConfig, sessionCookie } from './page-server.ts';
import { submissionBurst, WARM_UP_DRAFTS } from './submissions.ts';

const SERVER_URL = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const DATABASE = 'ldn_bench_pages';
const TRIALS = Number(process.env.BENCH_TRIALS ?? 100_000);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 8);
const SIZES = {
  requests: Number(process.env.BENCH_REQUESTS ?? 400),
  signIns: Number(process.env.BENCH_SIGN_INS ?? 40),
  reports: Number(process.env.BENCH_REPORTS ?? 8),
  clients: CLIENTS,
};
/** Trials are generated in batches, as generate.ts allows, to keep each statement's memory small. */
const BATCH = 25_000;
const KEEP = process.env.BENCH_KEEP === '1';
const REUSE = process.env.BENCH_REUSE === '1';
/** The issue's memory target for the server under load. */
const MEMORY_TARGET_MB = 300;
const SERVER_NODE_OPTIONS =
  process.env.BENCH_SERVER_NODE_OPTIONS === undefined
    ? imageNodeOptions()
    : process.env.BENCH_SERVER_NODE_OPTIONS.split(' ').filter(Boolean);

async function onServer(sql: string): Promise<void> {
  const server = openPostgres({ url: SERVER_URL, maxConnections: 1 });
  try {
    await server.withSession((session) => session.exec(sql));
  } finally {
    await server.close();
  }
}

/** The network: clinics, prescribers, the pharmacy, and TRIALS trials with their care data. */
async function generate(prisma: PrismaClient): Promise<void> {
  await generateNetwork(prisma);
  await generatePharmacy(prisma);
  for (let from = 1; from <= TRIALS; from += BATCH) {
    const to = Math.min(TRIALS, from + BATCH - 1);
    await generateTrials(prisma, from, to, BENCH_AS_OF);
    await generateCare(prisma, from, to, BENCH_AS_OF);
  }
}

interface Measured {
  row: string[];
  requestsPerSecond: number;
}

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
/** V8's heap as `used / total MB`: what is live (and garbage not yet collected) against what V8 holds. */
const heapOf = (memory: ChildMemory) => `${mb(memory.heapUsed)} / ${mb(memory.heapTotal)} MB`;

/** One kind of request on `server`: one alone (its statements), the warm-up, then the timed run. */
async function measure(server: ChildServer, request: BenchRequest, label = request.label): Promise<Measured> {
  const before = await server.statements();
  const data = await request.ask(0);
  const statements = (await server.statements()) - before;
  for (let warm = 0; warm < request.warmups; warm += 1) await request.ask(warm);
  server.nextPhase();
  const warmMb = server.residentMb();
  const cpuBefore = server.cpuMs();
  const { latencies, requestsPerSecond } = await timeRequests(request.ask, request.requests, CLIENTS);
  const cpuPerRequest = (server.cpuMs() - cpuBefore) / request.requests;
  const peakMb = server.nextPhase();
  const heap = heapOf(await server.memory());
  return {
    requestsPerSecond,
    row: [
      label,
      String(request.items(data)),
      String(statements),
      ms(percentile(latencies, 50)),
      ms(percentile(latencies, 95)),
      ms(percentile(latencies, 99)),
      requestsPerSecond.toFixed(requestsPerSecond < 10 ? 1 : 0),
      ms(cpuPerRequest),
      String(request.requests),
      `${Math.round(warmMb)} MB`,
      `${Math.round(peakMb)} MB`,
      heap,
    ],
  };
}

const count = (value: number) => value.toLocaleString('en-US');

async function main(): Promise<void> {
  const started = performance.now();
  if (!REUSE) {
    console.log(`Recreating ${DATABASE} on ${new URL(SERVER_URL).host} …`);
    await onServer(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
    await onServer(`CREATE DATABASE ${DATABASE}`);
  }
  const url = new URL(SERVER_URL);
  url.pathname = `/${DATABASE}`;
  const db = openPostgres({ url: url.toString(), maxConnections: 10 });
  const servers: ChildServer[] = [];
  try {
    await applyMigrations(db);
    if (!REUSE) await generate(db.prisma);
    const [trials, scores, orders] = await Promise.all([
      db.prisma.trial.count(),
      db.prisma.symptomScore.count(),
      db.prisma.order.count(),
    ]);
    const clinic = await db.prisma.organisation.findFirstOrThrow({ where: { name: 'Clinic 00' } });
    const clinicTrials = await db.prisma.trial.count({ where: { clinicId: clinic.id } });
    console.log(
      `${REUSE ? 'Reusing' : 'Generated'} ${count(trials)} trials, ${count(scores)} scores, ${count(orders)} orders ` +
        `(${ms(performance.now() - started)}); Clinic 00 has ${count(clinicTrials)} trials.`,
    );

    const config = benchConfig();
    const people = await benchPeople(db.prisma, clinic.id);
    const cookie = (userId: string) => sessionCookie(db.prisma, userId, config, benchClock);
    const active = await db.prisma.trial.findMany({
      where: { clinicId: clinic.id, endedOn: null, enteredInErrorAt: null },
      select: { id: true },
      orderBy: { id: 'asc' },
      take: 100,
    });
    const askers = {
      clinician: await cookie(people.clinicianId),
      pharmacist: await cookie(people.pharmacistId),
      networkAdmin: await cookie(people.networkAdminId),
      trialIds: active.map((trial) => trial.id),
      signInEmails: people.signInEmails,
    };
    const env = {
      BENCH_SERVE_DATABASE_URL: url.toString(),
      BENCH_SESSION_IDLE_MINUTES: String(config.sessionIdleMinutes),
    };
    const product = await startCompiledServer(url.toString(), SERVER_NODE_OPTIONS);
    servers.push(product);
    const idleMb = product.residentMb();
    const idleMemory = await product.memory();
    const idleHeap = heapOf(idleMemory);
    const heapLimitMb = mb(idleMemory.heapSizeLimit);
    const minimal = await startChildServer('./minimal-endpoint.ts', env);
    servers.push(minimal);
    product.nextPhase();
    const endpoint = `${product.origin}/graphql`;

    const requests = benchRequests(endpoint, askers, SIZES);
    const mirrored = minimalRequests(minimal.origin, askers, requests);
    console.log(await sameJsonChecks(requests, mirrored));

    const rows: string[][] = [];
    const ratios: string[][] = [];
    for (const request of requests) {
      const measured = await measure(product, request);
      rows.push(measured.row);
      const twin = mirrored.get(request.label);
      if (twin === undefined) continue;
      const floor = await measure(minimal, twin, `${request.label}, minimal endpoint`);
      rows.push(floor.row);
      const ratio = measured.requestsPerSecond / floor.requestsPerSecond;
      ratios.push([
        request.label,
        measured.requestsPerSecond.toFixed(1),
        floor.requestsPerSecond.toFixed(1),
        `${(ratio * 100).toFixed(0)} % ${ratio >= 0.5 ? '✓' : '✗'}`,
      ]);
    }
    await submissionBurst(db.prisma, endpoint, clinic.id, {
      config,
      clock: benchClock,
      drafts: WARM_UP_DRAFTS,
    });
    const burst = await submissionBurst(db.prisma, endpoint, clinic.id, {
      config,
      clock: benchClock,
      counters: { statements: () => product.statements() },
    });
    const burstMb = product.nextPhase();
    const burstHeap = heapOf(await product.memory());
    const lifetimeMb = product.lifetimePeakMb();
    const minimalMb = minimal.lifetimePeakMb();

    console.log(
      `\nClinic 00 as of ${BENCH_AS_OF}, ${CLIENTS} concurrent clients over HTTP; the product's server and the ` +
        'minimal endpoint (under tsx) each in a process of their own; statements of one request alone; ' +
        "server CPU: the process's user and system time over the timed run, per request (steadier than " +
        'times on a shared machine); ' +
        "memory: the server process's resident set after the warm-up and its peak during the timed run " +
        "(VmRSS sampled every 100 ms), and V8's heap (used / total) at the end of the run\n",
    );
    console.log(
      markdownTable(
        [
          'request',
          'items',
          'SQL statements',
          'p50',
          'p95',
          'p99',
          'requests/s',
          'server CPU per request',
          'requests',
          'RSS after warm-up',
          'RSS peak',
          'heap at end',
        ],
        rows,
      ),
    );
    console.log('\nThroughput against the minimal endpoint (target ≥ 50 %)\n');
    console.log(markdownTable(['request', 'GraphQL requests/s', 'minimal requests/s', 'ratio'], ratios));
    console.log(
      `\nsubmitOrder: ${count(burst.calls)} concurrent calls over ${burst.keys} idempotency keys: ` +
        `last answer after ${ms(burst.ms)}, ${(burst.calls / (burst.ms / 1000)).toFixed(0)} calls/s, ` +
        `${burst.submitted} orders submitted, ${burst.errors.length} errors` +
        (burst.errors.length === 0 ? '' : ` (first: ${burst.errors[0]})`) +
        `; server RSS peak ${Math.round(burstMb)} MB, heap ${burstHeap} after it`,
    );
    console.log(
      `\nServer memory (${Object.entries(imageMallocEnv())
        .map(([name, value]) => `${name}=${value} `)
        .join('')}node server/dist/main.js${SERVER_NODE_OPTIONS.map((option) => ` ${option}`).join('')}, ` +
        `V8 heap limit ${heapLimitMb} MB): ${Math.round(idleMb)} MB after start (heap ${idleHeap}), ` +
        `peak ${Math.round(lifetimeMb)} MB over the run ` +
        `(VmHWM; target ≤ ${MEMORY_TARGET_MB} MB ${lifetimeMb <= MEMORY_TARGET_MB ? '✓' : '✗'}); ` +
        `the minimal endpoint's peak ${Math.round(minimalMb)} MB.`,
    );
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
    await db.close();
    // A reused database was kept on purpose (other benches read it too): only a new one is dropped.
    if (!KEEP && !REUSE) await onServer(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  }
  console.log(`\nTotal ${ms(performance.now() - started)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
