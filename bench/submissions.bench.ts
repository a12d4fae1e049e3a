// `pnpm bench:submissions`: the burst of submissions.ts alone (1,000 concurrent submitOrder calls
// over 200 idempotency keys), on the kept database of `pnpm bench:pages` (ldn_bench_pages) as that
// left it: made once with BENCH_KEEP=1, brought to new migrations with BENCH_REUSE=1. The product's
// server runs in this process, so the bench counts what the server does — SQL statements and
// argon2 hashes — as well as the time, which depends on the load beside it. Beside it, the same
// number of `{ me { id } }` calls: the floor of any request through the stack. BENCH_CPU_PROFILE=<file> writes a CPU profile of the burst (open it in
// Chrome's DevTools) and prints the functions that took the most time.

import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { openPostgres } from '../prisma/src/index.ts';
import { createApp } from '../server/src/app.ts';
import { argon2RunsSoFar } from '../server/src/auth/password.ts';
import { createLogger } from '../server/src/platform/logger.ts';
import { benchClock } from './bench-clock.ts';
import { ms } from './load.ts';
import { benchConfig, sessionCookie } from './page-server.ts';
import { burstSummary, submissionBurst, WARM_UP_DRAFTS } from './submissions.ts';

const SERVER_URL = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const DATABASE = 'ldn_bench_pages';
const PROFILE = process.env.BENCH_CPU_PROFILE;
/** Functions listed from the CPU profile. */
const TOP_FUNCTIONS = 25;
/** The burst: CALLS calls, COPIES of each submission (a key per draft). */
const CALLS = 1_000;
const COPIES = 5;

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Self time per function (name and file), the largest first: where the process spent the burst. */
function topFunctions(profile: CpuProfile): string[] {
  const byNode = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const frame = byNode.get(id)?.callFrame;
    const file = frame?.url.replace(/^.*\/node_modules\/(\.pnpm\/[^/]+\/node_modules\/)?/, '') ?? '';
    const where = `${frame?.functionName || '(anonymous)'} ${file.replace(/^.*\/work\/[^/]+\//, '')}:${(frame?.lineNumber ?? 0) + 1}`;
    self.set(where, (self.get(where) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  const total = [...self.values()].reduce((sum, value) => sum + value, 0);
  return [...self.entries()]
    .sort(([, a], [, b]) => b - a)
    .slice(0, TOP_FUNCTIONS)
    .map(
      ([where, time]) =>
        `${ms(time).padStart(10)} ${((time / total) * 100).toFixed(1).padStart(5)} %  ${where}`,
    );
}

/**
 * CPU time of this process so far, every thread: the server's (its argon2 hashes run beside its
 * event loop) and the bench's own HTTP client's.
 */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/**
 * The floor the burst stands on: `calls` concurrent `{ me { id } }` as one of the clinic's
 * clinicians, through the same server — a session and nothing else. Its time and CPU.
 */
async function referenceBurst(endpoint: string, cookie: string, calls: number) {
  const cpuBefore = cpuMs();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: calls }, async () => {
      const response = await fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify({ query: '{ me { id } }' }),
      });
      const body = (await response.json()) as { data?: { me?: { id: string } | null } };
      if (body.data?.me?.id === undefined) throw new Error('me: no answer');
    }),
  );
  return { ms: performance.now() - started, cpuMs: cpuMs() - cpuBefore };
}

async function main(): Promise<void> {
  const url = new URL(SERVER_URL);
  url.pathname = `/${DATABASE}`;
  const db = openPostgres({ url: url.toString(), maxConnections: 10 });
  let statements = 0;
  db.onStatement(() => {
    statements += 1;
  });
  const app = await createApp({ db, config: benchConfig(), log: createLogger('silent'), clock: benchClock });
  const server = app.listen(0, '127.0.0.1');
  const session = new Session();
  try {
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    const clinic = await db.prisma.organisation.findFirstOrThrow({ where: { name: 'Clinic 00' } });
    const options = { config: benchConfig(), clock: benchClock };
    await submissionBurst(db.prisma, endpoint, clinic.id, { ...options, drafts: WARM_UP_DRAFTS });
    const clinician = await db.prisma.user.findFirstOrThrow({
      where: { organisationId: clinic.id, role: 'CLINICIAN' },
    });
    const cookie = await sessionCookie(db.prisma, clinician.id, options.config, options.clock);
    const floor = await referenceBurst(endpoint, cookie, CALLS);
    console.log(
      `{ me { id } }: ${CALLS.toLocaleString('en-US')} concurrent calls through the same server: ` +
        `last answer after ${ms(floor.ms)}, process CPU ${ms(floor.cpuMs)} (load ${(loadavg()[0] ?? 0).toFixed(1)})`,
    );
    if (PROFILE !== undefined) {
      session.connect();
      await session.post('Profiler.enable');
      await session.post('Profiler.start');
    }
    const load = loadavg()[0] ?? 0;
    const burst = await submissionBurst(db.prisma, endpoint, clinic.id, {
      ...options,
      drafts: CALLS / COPIES,
      copies: COPIES,
      counters: { statements: () => statements, argon2Runs: argon2RunsSoFar, cpuMs },
    });
    console.log(
      `${burstSummary(burst)} (load ${load.toFixed(1)} before, ${(loadavg()[0] ?? 0).toFixed(1)} after)`,
    );
    if (PROFILE !== undefined) {
      const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: CpuProfile };
      writeFileSync(PROFILE, JSON.stringify(profile));
      console.log(`\nCPU profile in ${PROFILE}; self time by function:\n${topFunctions(profile).join('\n')}`);
    }
  } finally {
    session.disconnect();
    server.closeAllConnections();
    server.close();
    await app.stop();
    await db.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
