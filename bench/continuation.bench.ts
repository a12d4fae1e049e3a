// `pnpm bench`: times the continuation report (server/src/analytics) at 1,000, 10,000, 100,000 and
// 1,000,000 trials (BENCH_SIZES=1000,300000 for others) on a database of its own, `ldn_bench`, on
// the local PostgreSQL (BENCH_DATABASE_URL, default postgresql://postgres@127.0.0.1:5432/postgres).
// It drops and recreates `ldn_bench`, applies the migrations, grows the data in steps and prints a
// table. BENCH_DATABASE names another database; BENCH_KEEP=1 keeps it afterwards (for EXPLAIN); BENCH_REUSE=1 starts from a
// kept one (new migrations applied), generating only the trials a size still lacks, so a change is
// measured on the same data. Not part of `pnpm test`.

import { applyMigrations, type Database, openPostgres } from '../prisma/src/index.ts';
import { BREAKDOWN_HORIZON, countsByKey } from '../server/src/analytics/continuation-breakdown.ts';
import { continuationCsv } from '../server/src/analytics/continuation-csv.ts';
import { estimateContinuation, reportedAt } from '../server/src/analytics/continuation-estimate.ts';
import {
  type DayCountRow,
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
const KEEP = process.env.BENCH_KEEP === '1';
const REUSE = process.env.BENCH_REUSE === '1';

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
  sqlMs: number;
  reportMs: number;
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

async function measure(db: Database, label: string, of: ReportCohort): Promise<Measure> {
  const scope = repositoriesAs(
    db.prisma,
    '00000000-0000-4000-8000-000000000000',
    'NETWORK',
    'ADMIN',
  ).analytics();
  const sql: number[] = [];
  const reports: number[] = [];
  const csvs: number[] = [];
  const kms: number[] = [];
  let rows = 0;
  let last: Awaited<ReturnType<typeof continuationReport>> | undefined;
  for (let run = 0; run < RUNS; run += 1) {
    // The report's own queries, in the report's own kind of snapshot, without the estimation.
    const queries = await timed(() =>
      scope.snapshot((reader) => reportCounts(reader, of, BREAKDOWN_HORIZON)),
    );
    sql.push(queries.ms);
    const counts = queries.result;
    rows = counts.days.length + counts.horizonDays.length + counts.sizes.length + counts.outcomes.length;
    kms.push((await timed(async () => estimateAll(counts.days, counts.horizonDays))).ms);
    const report = await timed(() => continuationReport(scope, of, new Date()));
    reports.push(report.ms);
    last = report.result;
    csvs.push((await timed(async () => continuationCsv(report.result))).ms);
  }
  return {
    label,
    trials: last?.trialCount ?? 0,
    rows,
    sqlMs: median(sql),
    reportMs: median(reports),
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
    'SQL rows',
    'SQL only',
    'report',
    'KM+rest',
    'KM only',
    'CSV',
    'at 123 d',
    'median',
  ];
  const lines = measures.map((m) => [
    m.label,
    m.trials.toLocaleString('en-US'),
    m.rows.toLocaleString('en-US'),
    ms(m.sqlMs),
    ms(m.reportMs),
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
      const generated = await timed(async () => {
        for (; made < size; made = Math.min(size, made + BATCH)) {
          await generateTrials(db.prisma, made + 1, Math.min(size, made + BATCH), AS_OF);
        }
      });
      console.log(
        `${made.toLocaleString('en-US')} trials (+${ms(generated.ms)} generating); timing ${RUNS} runs …`,
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
    `\nContinuation report as of ${AS_OF} (median of ${RUNS} runs; "KM+rest" = report − SQL only; "KM only" = the estimation from the day counts)\n`,
  );
  printTable(measures);
  console.log(`\nTotal ${ms(performance.now() - started)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
