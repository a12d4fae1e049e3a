// `pnpm bench:rls`: what row-level security costs the worklist and the trial page (issue #17: at
// most 10 %). On the network `pnpm bench:pages` generates and keeps (`BENCH_KEEP=1`), through the
// real HTTP server, as Clinic 00's clinician: rounds alternate between the product as it is and the
// same server with its statements sent without the organisation (node-postgres's own `query`, so no
// role switch and no policy), so both halves meet the same load on the machine. BENCH_ROUNDS
// (default 10) rounds of BENCH_ROUND_REQUESTS (default 40) requests per page and half, from
// BENCH_CLIENTS (default 4) concurrent clients; 1 client measures a request's own cost, without
// queueing behind the others on a busy machine. BENCH_PAGES (`trial page`, `worklist`,
// comma-separated) measures only those pages.

import { applyMigrations, openPostgres } from '../prisma/src/index.ts';
import { ScopedClient } from '../prisma/src/scoped-postgres.ts';
import type { Clock } from '../server/src/platform/clock.ts';
import { type Page, startPageServer } from './page-server.ts';

const SERVER_URL = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const DATABASE = 'ldn_bench_pages';
const AS_OF = '2026-06-30';
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);
const PER_ROUND = Number(process.env.BENCH_ROUND_REQUESTS ?? 40);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 4);
const ONLY = process.env.BENCH_PAGES?.split(',').map((label) => label.trim());

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

// The bench's instrument, not the product's: the "without" half restores node-postgres's own query.
const scopedQuery = ScopedClient.prototype.query;
const plainQuery = Object.getPrototypeOf(ScopedClient.prototype).query as typeof scopedQuery;
const setRowLevelSecurity = (on: boolean) => {
  ScopedClient.prototype.query = on ? scopedQuery : plainQuery;
};

async function main(): Promise<void> {
  const url = new URL(SERVER_URL);
  url.pathname = `/${DATABASE}`;
  const db = openPostgres({ url: url.toString(), maxConnections: 10 });
  const clock: Clock = { now: () => new Date(`${AS_OF}T09:00:00Z`), today: () => AS_OF };
  try {
    await applyMigrations(db).catch((error: unknown) => {
      throw new Error(`${DATABASE} is needed: run BENCH_KEEP=1 pnpm bench:pages first (${String(error)})`);
    });
    const clinic = await db.prisma.organisation.findFirstOrThrow({ where: { name: 'Clinic 00' } });
    const { pages, ask, stop } = await startPageServer(db, clinic.id, clock);
    const round = async (page: Page) => {
      const latencies: number[] = [];
      let next = 0;
      const client = async () => {
        while (next < PER_ROUND) {
          const n = next;
          next += 1;
          const sent = performance.now();
          await ask(page, n);
          latencies.push(performance.now() - sent);
        }
      };
      await Promise.all(Array.from({ length: CLIENTS }, client));
      return latencies;
    };

    console.log(
      `Clinic 00 as of ${AS_OF}: ${ROUNDS} alternating rounds of ${PER_ROUND} requests per half, ${CLIENTS} clients\n`,
    );
    console.log('| page | p50 without | p50 with | median of per-round ratios | cost |');
    console.log('|---|---:|---:|---:|---:|');
    for (const page of pages.filter((page) => ONLY === undefined || ONLY.includes(page.label))) {
      for (let warm = 0; warm < 10; warm += 1) await ask(page, warm);
      const without: number[] = [];
      const withRls: number[] = [];
      const ratios: number[] = [];
      for (let r = 0; r < ROUNDS; r += 1) {
        // Alternate which half goes first, so a trend in the machine's load favours neither.
        const order = r % 2 === 0 ? [false, true] : [true, false];
        const medians: Record<string, number> = {};
        for (const on of order) {
          setRowLevelSecurity(on);
          const latencies = await round(page);
          (on ? withRls : without).push(...latencies);
          medians[String(on)] = median(latencies);
        }
        ratios.push((medians.true ?? 0) / (medians.false ?? 1));
      }
      setRowLevelSecurity(true);
      const ratio = median(ratios);
      console.log(
        `| ${page.label} | ${median(without).toFixed(1)} ms | ${median(withRls).toFixed(1)} ms | ${ratio.toFixed(3)} | ${((ratio - 1) * 100).toFixed(1)} % |`,
      );
    }
    await stop();
  } finally {
    setRowLevelSecurity(true);
    await db.close();
  }
}

await main();
