// `pnpm bench`: times the continuation report (server/src/analytics) at 1,000, 10,000, 100,000 and
// 1,000,000 trials (BENCH_SIZES=1000,300000 for others) on a database of its own, `ldn_bench`, on
// the local PostgreSQL (BENCH_DATABASE_URL, default postgresql://postgres@127.0.0.1:5432/postgres).
// It drops and recreates `ldn_bench`, applies the migrations, grows the data in steps and prints a
// table. BENCH_DATABASE names another database; BENCH_KEEP=1 keeps it afterwards (for EXPLAIN); BENCH_REUSE=1 starts from a
// kept one (new migrations applied), generating only the trials a size still lacks, so a change is
// measured on the same data, and keeps it. Not part of `pnpm test`.
//
// The whole network's report reads the counts the database keeps as trials change (migration
// …_continuation_counts, server/src/analytics/continuation-kept.ts); a filtered cohort reads the
// facts it keeps per trial (FACTS), or is counted trial by trial. "path" says which; "per-trial SQL" times the per-trial statement on the same
// cohort for comparison. The trials are generated with the kept counts' triggers off (with them,
// generating 1,000,000 trials took twice as long: 14 minutes) and the counts are then rebuilt by
// the migration's own backfill, `ldn_rebuild_continuation_counts()` ("counting"), as a database
// upgraded with its trials gets them; the triggers are tested by server/src/analytics.

import { randomUUID } from 'node:crypto';
import { applyMigrations, type Database, openPostgres, Prisma } from '../prisma/src/index.ts';
import { BREAKDOWN_HORIZON, countsByKey } from '../server/src/analytics/continuation-breakdown.ts';
import { continuationCsv } from '../server/src/analytics/continuation-csv.ts';
import { estimateContinuation, reportedAt } from '../server/src/analytics/continuation-estimate.ts';
import { countsPath } from '../server/src/analytics/continuation-kept.ts';
import {
  type DayCountRow,
  perTrialReportCounts,
  type ReportCohort,
  reportCounts,
} from '../server/src/analytics/continuation-queries.ts';
import { continuationReport } from '../server/src/analytics/continuation-report.ts';
import { repositoriesAs } from '../server/src/test/builders.ts';
import { generateNetwork, generateTrials } from './generate.ts';

const SERVER_URL = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const DATABASE = process.env.BENCH_DATABASE ?? 'ldn_bench';
const AS_OF = '2026-06-30';
const SIZES = process.env.BENCH_SIZES?.split(',').map(Number) ?? [1_000, 10_000, 100_000, 1_000_000];
const RUNS = 3;
/** Trials are generated in batches (generate.ts numbers them), to keep each statement's memory small. */
const BATCH = 100_000;
const REUSE = process.env.BENCH_REUSE === '1';
// A reused database stays, as bench:pages keeps its own: regenerating 1,000,000 trials takes minutes.
const KEEP = process.env.BENCH_KEEP === '1' || REUSE;

const cohort = (overrides: Partial<ReportCohort> = {}): ReportCohort => ({
  asOf: AS_OF,
  startedFrom: null,
  startedTo: null,
  conditions: [],
  clinicIds: [],
  prescriberIds: [],
  ...overrides,
});

async function onServer(sql: string): Promise<void> {
  const server = openPostgres({ url: SERVER_URL, maxConnections: 1 });
  try {
    await server.withSession((session) => session.exec(sql));
  } finally {
    await server.close();
  }
}

const KEPT_TABLES = [
  'TrialFact',
  'ContinuationEndedCount',
  'ContinuationActiveCount',
  'ContinuationGroupCount',
  'ContinuationPatientCount',
];

/** The kept counts' triggers (migration …_continuation_counts), off while generating. */
async function keptCountsTriggers(db: Database, change: 'ENABLE' | 'DISABLE'): Promise<void> {
  await db.withSession(async (session) => {
    for (const table of ['Trial', 'Assessment', 'AdverseEffect']) {
      for (const event of ['insert', 'update', 'delete', 'truncate']) {
        await session.exec(`ALTER TABLE "${table}" ${change} TRIGGER "${table}_continuation_${event}"`);
      }
    }
  });
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = performance.now();
  const result = await work();
  return { ms: performance.now() - started, result };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const ms = (value: number) => `${Math.round(value).toLocaleString('en-US')} ms`;

interface Measure {
  label: string;
  trials: number;
  rows: number;
  path: string;
  sqlMs: number;
  perTrialMs: number;
  reportMs: number;
  /** The same report again at the same counts version: its figures kept, not computed. */
  keptMs: number;
  csvMs: number;
  kmMs: number;
  rateAt123: string;
  medianDays: string;
}

/**
 * The JavaScript of the estimation alone: Kaplan–Meier, intervals and the reported rates of the
 * whole cohort and of every group, from the day counts the queries returned.
 */
function estimateAll(cohortDays: DayCountRow[], horizonDays: DayCountRow[]): number {
  let estimated = 0;
  const groups = [
    ...countsByKey(cohortDays, 'ALL').values(),
    ...(['CONDITION', 'CLINIC', 'PRESCRIBER'] as const).flatMap((dimension) => [
      ...countsByKey(horizonDays, dimension).values(),
    ]),
  ];
  for (const counts of groups) {
    const estimate = estimateContinuation(counts);
    if (estimate !== null)
      estimated += [90, 123, 180].filter((day) => reportedAt(estimate, day).estimable).length;
  }
  return estimated;
}

/**
 * A network administrator's analytics door. The report's figures are kept per counts version and
 * organisation (AnalyticsRepository.atCountsVersion): a new organisation id each time makes the
 * next report computed, not answered from what an earlier run kept.
 */
const networkScope = (db: Database) =>
  repositoriesAs(db.prisma, randomUUID(), 'NETWORK', 'ADMIN').analytics();

async function measure(db: Database, label: string, of: ReportCohort): Promise<Measure> {
  const scope = networkScope(db);
  const sql: number[] = [];
  const perTrial: number[] = [];
  const reports: number[] = [];
  const kept: number[] = [];
  const csvs: number[] = [];
  const kms: number[] = [];
  let rows = 0;
  let last: Awaited<ReturnType<typeof continuationReport>> | undefined;
  // Untimed first: V8 compiles the report's code on a process's first reports, and a server has
  // made reports before (the pages' bench warms its requests up too).
  await continuationReport(networkScope(db), of, new Date());
  for (let run = 0; run < RUNS; run += 1) {
    // The report's own queries, in the report's own kind of snapshot, without the estimation.
    const queries = await timed(() =>
      scope.snapshot((reader) => reportCounts(reader, of, BREAKDOWN_HORIZON)),
    );
    sql.push(queries.ms);
    perTrial.push(
      (await timed(() => scope.snapshot((reader) => perTrialReportCounts(reader, of, BREAKDOWN_HORIZON)))).ms,
    );
    const counts = queries.result;
    rows = counts.days.length + counts.horizonDays.length + counts.sizes.length + counts.outcomes.length;
    kms.push((await timed(async () => estimateAll(counts.days, counts.horizonDays))).ms);
    const fresh = networkScope(db);
    const report = await timed(() => continuationReport(fresh, of, new Date()));
    reports.push(report.ms);
    kept.push((await timed(() => continuationReport(fresh, of, new Date()))).ms);
    last = report.result;
    csvs.push((await timed(async () => continuationCsv(report.result))).ms);
  }
  return {
    label,
    trials: last?.trialCount ?? 0,
    rows,
    path: await scope.snapshot((reader) => countsPath(reader, of)),
    sqlMs: median(sql),
    perTrialMs: median(perTrial),
    reportMs: median(reports),
    keptMs: median(kept),
    csvMs: median(csvs),
    kmMs: median(kms),
    rateAt123: last?.rateAt123?.rate == null ? '—' : `${(last.rateAt123.rate * 100).toFixed(1)} %`,
    medianDays: String(last?.medianDays ?? '—'),
  };
}

function printTable(measures: Measure[]): void {
  const header = [
    'cohort',
    'trials',
    'path',
    'SQL rows',
    'SQL only',
    'per-trial SQL',
    'report',
    'again',
    'KM+rest',
    'KM only',
    'CSV',
    'at 123 d',
    'median',
  ];
  const lines = measures.map((m) => [
    m.label,
    m.trials.toLocaleString('en-US'),
    m.path,
    m.rows.toLocaleString('en-US'),
    ms(m.sqlMs),
    ms(m.perTrialMs),
    ms(m.reportMs),
    ms(m.keptMs),
    ms(Math.max(0, m.reportMs - m.sqlMs)),
    ms(m.kmMs),
    ms(m.csvMs),
    m.rateAt123,
    m.medianDays,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((line) => (line[i] ?? '').length)));
  const format = (cells: string[]) =>
    `| ${cells.map((cell, i) => cell.padStart(widths[i] ?? 0)).join(' | ')} |`;
  console.log(format(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const line of lines) console.log(format(line));
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
  const db = openPostgres({ url: url.toString(), maxConnections: 4 });
  const measures: Measure[] = [];
  try {
    await applyMigrations(db);
    if (!REUSE) await generateNetwork(db.prisma);
    let made = await db.prisma.trial.count();
    for (const size of SIZES) {
      // A kept database larger than this size is measured as it is (labelled with its real size).
      const missing = made < size;
      const generated = await timed(async () => {
        if (missing) await keptCountsTriggers(db, 'DISABLE');
        try {
          for (; made < size; made = Math.min(size, made + BATCH)) {
            await generateTrials(db.prisma, made + 1, Math.min(size, made + BATCH), AS_OF);
          }
        } finally {
          if (missing) await keptCountsTriggers(db, 'ENABLE');
        }
      });
      const counted = await timed(async () => {
        if (!missing) return;
        await db.prisma.$executeRaw`SELECT "ldn_rebuild_continuation_counts"()`;
        await db.prisma
          .$executeRaw`ANALYZE ${Prisma.raw(KEPT_TABLES.map((table) => `"${table}"`).join(', '))}`;
      });
      console.log(
        `${made.toLocaleString('en-US')} trials (+${ms(generated.ms)} generating, ${ms(counted.ms)} counting); timing ${RUNS} runs …`,
      );
      measures.push(await measure(db, `all ${made.toLocaleString('en-US')}`, cohort()));
    }
    const oneClinic = await db.prisma.organisation.findFirstOrThrow({ where: { name: 'Clinic 00' } });
    measures.push(await measure(db, 'one clinic', cohort({ clinicIds: [oneClinic.id] })));
    measures.push(
      await measure(
        db,
        'fibromyalgia, 2025',
        cohort({ conditions: ['FIBROMYALGIA'], startedFrom: '2025-01-01', startedTo: '2025-12-31' }),
      ),
    );
  } finally {
    await db.close();
    if (!KEEP) await onServer(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  }
  console.log(
    `\nContinuation report as of ${AS_OF} (median of ${RUNS} runs; "again" = the same report at the same counts version, its figures kept; "KM+rest" = report − SQL only; "KM only" = the estimation from the day counts)\n`,
  );
  printTable(measures);
  console.log(`\nTotal ${ms(performance.now() - started)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
