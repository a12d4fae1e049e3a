// `pnpm bench:explain`: EXPLAIN (ANALYZE, BUFFERS) of every statement the product sends for its heavy
// requests — the worklist and a trial page as Clinic 00's clinician on `ldn_bench_pages`, the
// continuation report as the network's administrator on `ldn_bench_100k` (the kept databases of
// `BENCH_KEEP=1 pnpm bench:pages` and `BENCH_DATABASE=ldn_bench_100k BENCH_KEEP=1 pnpm bench`) —
// written to bench/EXPLAIN.md. Nothing is copied from the product: each request is sent to the real
// app in this process, the statements it sent are caught with their parameters and data access
// (statement-capture.ts), and each is explained again on a connection of its own under the same
// access, rolled back. So the plans follow the code. BENCH_DATABASE_URL as for the other benches;
// BENCH_EXPLAIN_PAGES / BENCH_EXPLAIN_REPORT name other databases.

import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg, totalmem } from 'node:os';
import { applyMigrations, openPostgres, type PrismaClient } from '../prisma/src/index.ts';
import { createApp } from '../server/src/app.ts';
import { createLogger } from '../server/src/platform/logger.ts';
import { BENCH_AS_OF, benchClock } from './bench-clock.ts';
import { networkAdministrator } from './bench-people.ts';
import { graphqlData } from './bench-requests.ts';
import { benchConfig, sessionCookie } from './page-server.ts';
import { pg } from './pg.ts';
import { portalDocument } from './portal-documents.ts';
import { captureStatements, explainAgain, isControl } from './statement-capture.ts';

const SERVER_URL = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const PAGES_DATABASE = process.env.BENCH_EXPLAIN_PAGES ?? 'ldn_bench_pages';
const REPORT_DATABASE = process.env.BENCH_EXPLAIN_REPORT ?? 'ldn_bench_100k';
const OUTPUT = new URL('./EXPLAIN.md', import.meta.url);

/** A request to explain: what it is, and how to send it to the app at `endpoint`. */
interface Explained {
  title: string;
  ask(endpoint: string): Promise<unknown>;
}

/** The requests of one database, and the person (cookie) each is asked as. */
type RequestsOf = (
  prisma: PrismaClient,
  cookieOf: (userId: string) => Promise<string>,
) => Promise<Explained[]>;

const urlOf = (database: string) => {
  const url = new URL(SERVER_URL);
  url.pathname = `/${database}`;
  return url.toString();
};

const SERVER_SOURCE = new URL('../server/src/', import.meta.url);
/** The product's modules (tests aside), to say which one wrote a statement. */
const sources = readdirSync(SERVER_SOURCE, { recursive: true, encoding: 'utf8' })
  .filter((path) => path.endsWith('.ts') && !path.includes('.test.'))
  .map((path) => ({ path: `server/src/${path}`, text: readFileSync(new URL(path, SERVER_SOURCE), 'utf8') }));

/**
 * The module whose SQL a statement is: the first of its lines (parameters aside) that one module
 * alone contains; Prisma's own queries match none.
 */
function sourceOf(text: string): string {
  for (const line of text.split('\n').map((l) => l.trim())) {
    if (line.length < 12 || line.includes('$')) continue;
    const found = sources.filter((source) => source.text.includes(line));
    if (found.length === 1) return `\`${found[0]?.path}\``;
  }
  return 'Prisma query';
}

const figure = (plan: readonly string[], pattern: RegExp) =>
  plan.map((line) => pattern.exec(line)?.[1]).find(Boolean);

/** The section of one request: a summary line per statement, then each statement and its plan. */
function sectionOf(title: string, statements: { text: string; values: unknown[]; plan: string[] }[]): string {
  const times = statements.map(({ plan }) => Number(figure(plan, /Execution Time: ([\d.]+) ms/) ?? 0));
  const heaviest = times.indexOf(Math.max(...times));
  const rows = statements.map(({ text, plan }, index) => {
    const first = text.trim().split('\n')[0]?.slice(0, 70).replaceAll('|', '\\|') ?? '';
    const mark = index === heaviest ? ' **(heaviest)**' : '';
    return `| ${index + 1} | \`${first}\`${mark} | ${sourceOf(text)} | ${figure(plan, /Planning Time: ([\d.]+ ms)/) ?? '—'} | ${figure(plan, /Execution Time: ([\d.]+ ms)/) ?? '—'} | ${figure(plan, /Buffers: (.*)/) ?? '—'} |`;
  });
  const details = statements.map(({ text, values, plan }, index) => {
    const parameters = JSON.stringify(values);
    return [
      `### ${title}: statement ${index + 1}${index === heaviest ? ' (heaviest)' : ''}, from ${sourceOf(text)}`,
      '',
      '```sql',
      text.trim(),
      '```',
      '',
      `Parameters: \`${parameters.length > 300 ? `${parameters.slice(0, 300)}…` : parameters}\``,
      '',
      '```',
      ...plan,
      '```',
    ].join('\n');
  });
  return [
    `## ${title}`,
    '',
    '| # | statement | from | planning | execution | buffers (top node) |',
    '|--:|---|---|--:|--:|---|',
    ...rows,
    '',
    ...details,
  ].join('\n');
}

/** Serves the product on `database` in this process and explains every statement of each request. */
async function explainOn(database: string, requestsOf: RequestsOf): Promise<string[]> {
  const url = urlOf(database);
  const db = openPostgres({ url, maxConnections: 10 });
  const explainer = new pg.Client({ connectionString: url });
  const config = benchConfig();
  await applyMigrations(db).catch(async (error: unknown) => {
    await db.close();
    throw new Error(
      `${database} is needed (a kept bench database; see this file's header): ${String(error)}`,
    );
  });
  const app = await createApp({ db, config, log: createLogger('silent'), clock: benchClock });
  const server = app.listen(0, '127.0.0.1');
  try {
    await new Promise<void>((resolve) => (server.listening ? resolve() : server.once('listening', resolve)));
    await explainer.connect();
    const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    const requests = await requestsOf(db.prisma, (userId) =>
      sessionCookie(db.prisma, userId, config, benchClock),
    );
    const sections: string[] = [];
    for (const { title, ask } of requests) {
      await ask(endpoint); // warm: the plans below are of a request the server has seen before
      const sent = await captureStatements(() => ask(endpoint));
      const explained = [];
      for (const [index, statement] of sent.entries()) {
        if (isControl(statement.text)) continue;
        // The first run on the connection pays for its catalog caches (the policies' too): the second is shown.
        await explainAgain(explainer, sent, index);
        explained.push({ ...statement, plan: await explainAgain(explainer, sent, index) });
      }
      sections.push(sectionOf(`${title} (${database})`, explained));
      console.log(`${title}: ${explained.length} statements explained`);
    }
    return sections;
  } finally {
    server.close();
    await app.stop();
    await explainer.end().catch(() => {});
    await db.close();
  }
}

const pageRequests: RequestsOf = async (prisma, cookieOf) => {
  const clinic = await prisma.organisation.findFirstOrThrow({ where: { name: 'Clinic 00' } });
  const clinician = await prisma.user.findFirstOrThrow({
    where: { organisationId: clinic.id, role: 'CLINICIAN' },
    orderBy: { email: 'asc' },
  });
  const trial = await prisma.trial.findFirstOrThrow({
    where: { clinicId: clinic.id, endedOn: null, enteredInErrorAt: null },
    orderBy: { id: 'asc' },
  });
  const cookie = await cookieOf(clinician.id);
  const worklist = portalDocument('worklist/api/worklist.ts');
  const trialPage = portalDocument('trials/api/trial.ts');
  return [
    { title: 'Worklist', ask: (endpoint) => graphqlData(endpoint, 'worklist', worklist, {}, cookie) },
    {
      title: 'Trial page',
      ask: (endpoint) => graphqlData(endpoint, 'trial page', trialPage, { id: trial.id }, cookie),
    },
  ];
};

const reportRequests: RequestsOf = async (prisma, cookieOf) => {
  const cookie = await cookieOf(await networkAdministrator(prisma));
  const report = portalDocument('analytics/api/continuation-report.ts', 'ContinuationReportQuery');
  return [
    {
      title: 'Continuation report, the whole network',
      ask: (endpoint) => graphqlData(endpoint, 'continuation report', report, { filter: {} }, cookie),
    },
  ];
};

async function main(): Promise<void> {
  const started = new Date();
  const [oneMinute] = loadavg();
  const sections = [
    ...(await explainOn(PAGES_DATABASE, pageRequests)),
    ...(await explainOn(REPORT_DATABASE, reportRequests)),
  ];
  const header = [
    '# EXPLAIN of the heavy requests (generated)',
    '',
    '**Generated by `pnpm bench:explain` (bench/explain.ts): do not edit, run it again.** Each request is',
    "the portal's own document sent to the product's app (in the command's process) as of",
    `${BENCH_AS_OF}; every SQL statement it sent was caught with its parameters and data access, and is`,
    'explained here with `EXPLAIN (ANALYZE, BUFFERS)` on a connection of its own, under the same role and',
    'organisation (row-level security) and transaction settings, then rolled back. Each request was sent',
    'once before, so the buffers are warm, and each statement is explained twice on the same connection,',
    "the second shown (the first pays for the new connection's catalog caches). Transaction control and",
    'settings are not listed; "from" names the module whose SQL it is (Prisma\'s own queries match none).',
    '',
    `Run ${started.toISOString()}, ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ` +
      `${Math.round(totalmem() / 2 ** 30)} GB, load average ${oneMinute?.toFixed(1)} (1 min) at the start.`,
  ].join('\n');
  writeFileSync(OUTPUT, `${[header, ...sections].join('\n\n')}\n`);
  console.log(`Written to ${OUTPUT.pathname}`);
}

await main();
