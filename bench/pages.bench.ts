// `pnpm bench:pages` (and the second half of `pnpm bench`): times a clinic's worklist and its trial
// page through the real HTTP server, as the portal asks for them, on a generated network
// (generate.ts + generate-care.ts) in a database of its own, `ldn_bench_pages`, on the local
// PostgreSQL (BENCH_DATABASE_URL, default postgresql://postgres@127.0.0.1:5432/postgres). Sizes:
// BENCH_TRIALS (default 100,000), BENCH_CLIENTS (concurrent clients, default 8), BENCH_REQUESTS
// (requests per page, default 400). Prints p50/p95 and the SQL statements of one request of each.
// Then a burst of 1,000 concurrent submitOrder calls over 200 idempotency keys (submissions.ts).
// BENCH_KEEP=1 keeps the database afterwards (for EXPLAIN); BENCH_REUSE=1 times a kept one again,
// after applying any new migrations, so a change is measured on the same data.

import { applyMigrations, openPostgres, type PrismaClient } from '../prisma/src/index.ts';
import type { Clock } from '../server/src/platform/clock.ts';
import { generateNetwork, generateTrials } from './generate.ts';
import { generateCare, generatePharmacy } from './generate-care.ts';
import { startPageServer } from './page-server.ts';
import { submissionBurst } from './submissions.ts';

const SERVER_URL = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const DATABASE = 'ldn_bench_pages';
const AS_OF = '2026-06-30';
const TRIALS = Number(process.env.BENCH_TRIALS ?? 100_000);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 8);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 400);
/** Trials are generated in batches, as generate.ts allows, to keep each statement's memory small. */
const BATCH = 25_000;
const KEEP = process.env.BENCH_KEEP === '1';
const REUSE = process.env.BENCH_REUSE === '1';

async function onServer(sql: string): Promise<void> {
  const server = openPostgres({ url: SERVER_URL, maxConnections: 1 });
  try {
    await server.withSession((session) => session.exec(sql));
  } finally {
    await server.close();
  }
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;
const ms = (value: number) => `${value.toFixed(1)} ms`;

/** The network: clinics, prescribers, the pharmacy, and TRIALS trials with their care data. */
async function generate(prisma: PrismaClient): Promise<void> {
  await generateNetwork(prisma);
  await generatePharmacy(prisma);
  for (let from = 1; from <= TRIALS; from += BATCH) {
    const to = Math.min(TRIALS, from + BATCH - 1);
    await generateTrials(prisma, from, to, AS_OF);
    await generateCare(prisma, from, to, AS_OF);
  }
}

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
  const clock: Clock = { now: () => new Date(`${AS_OF}T09:00:00Z`), today: () => AS_OF };
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
      `${REUSE ? 'Reusing' : 'Generated'} ${trials.toLocaleString('en-US')} trials, ` +
        `${scores.toLocaleString('en-US')} scores, ${orders.toLocaleString('en-US')} orders ` +
        `(${ms(performance.now() - started)}); ` +
        `Clinic 00 has ${clinicTrials.toLocaleString('en-US')} trials.`,
    );

    const { endpoint, config, pages, ask, stop: stopServer } = await startPageServer(db, clinic.id, clock);
    const rows: string[][] = [];
    for (const page of pages) {
      let statements = 0;
      const stop = db.onStatement(() => {
        statements += 1;
      });
      const data = await ask(page, 0);
      stop();
      const items = page.label === 'worklist' ? (data?.worklist?.length ?? 0) : 1;
      for (let warm = 0; warm < CLIENTS * 2; warm += 1) await ask(page, warm);
      const latencies: number[] = [];
      let next = 0;
      const client = async () => {
        while (next < REQUESTS) {
          const request = next;
          next += 1;
          const sent = performance.now();
          await ask(page, request);
          latencies.push(performance.now() - sent);
        }
      };
      const timedFrom = performance.now();
      await Promise.all(Array.from({ length: CLIENTS }, client));
      const seconds = (performance.now() - timedFrom) / 1000;
      latencies.sort((a, b) => a - b);
      rows.push([
        page.label,
        String(items),
        String(statements),
        ms(percentile(latencies, 50)),
        ms(percentile(latencies, 95)),
        (REQUESTS / seconds).toFixed(0),
      ]);
    }
    const burst = await submissionBurst(db.prisma, endpoint, clinic.id, { config, clock });
    await stopServer();

    const header = ['page', 'items', 'SQL statements', 'p50', 'p95', 'requests/s'];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
    const format = (cells: string[]) =>
      `| ${cells.map((cell, i) => cell.padStart(widths[i] ?? 0)).join(' | ')} |`;
    console.log(
      `\nClinic 00 as of ${AS_OF}, ${REQUESTS} requests per page from ${CLIENTS} concurrent clients over HTTP\n`,
    );
    console.log(format(header));
    console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
    for (const row of rows) console.log(format(row));
    console.log(
      `\nsubmitOrder: ${burst.calls.toLocaleString('en-US')} concurrent calls over ${burst.keys} idempotency keys: ` +
        `last answer after ${ms(burst.ms)}, ${(burst.calls / (burst.ms / 1000)).toFixed(0)} calls/s, ` +
        `${burst.submitted} orders submitted, ${burst.errors.length} errors` +
        (burst.errors.length === 0 ? '' : ` (first: ${burst.errors[0]})`),
    );
  } finally {
    await db.close();
    if (!KEEP) await onServer(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  }
  console.log(`\nTotal ${ms(performance.now() - started)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
