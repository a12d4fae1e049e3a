// `pnpm bench`: times the continuation report (server/src/analytics) at 1,000, 10,000 and 100,000
// trials (BENCH_SIZES=1000,1000000 for others) on a database of its own, `ldn_bench`, on the local PostgreSQL (BENCH_DATABASE_URL, default
// postgresql://postgres@127.0.0.1:5432/postgres). It drops and recreates `ldn_bench`, applies the
// migrations, grows the data in steps and prints a table. Not part of `pnpm test`.

import { applyMigrations, type Database, openPostgres } from '../prisma/src/index.ts';
import { AnalyticsScope } from '../server/src/analytics/analytics-scope.ts';
import { BREAKDOWN_HORIZON, countsByKey } from '../server/src/analytics/continuation-breakdown.ts';
import { continuationCsv } from '../server/src/analytics/continuation-csv.ts';
import { estimateContinuation, reportedAt } from '../server/src/analytics/continuation-estimate.ts';
import {
  breakdownDayCounts,
  cohortDayCounts,
  type DayCountRow,
  groupSizes,
  outcomeCounts,
  type ReportCohort,
} from '../server/src/analytics/continuation-queries.ts';
import { continuationReport } from '../server/src/analytics/continuation-report.ts';
import { generateNetwork, generateTrials } from './generate.ts';

const SERVER_URL = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const DATABASE = 'ldn_bench';
const AS_OF = '2026-06-30';
const SIZES = process.env.BENCH_SIZES?.split(',').map(Number) ?? [1_000, 10_000, 100_000];
const RUNS = 3;

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
  const scope = AnalyticsScope.of({
    prisma: db.prisma,
    viewer: {
      userId: '00000000-0000-4000-8000-000000000000',
      sessionId: 'bench',
      organisationId: '00000000-0000-4000-8000-000000000000',
      organisationKind: 'NETWORK',
      role: 'ADMIN',
      name: 'Bench',
    },
  });
  const sql: number[] = [];
  const reports: number[] = [];
  const csvs: number[] = [];
  const kms: number[] = [];
  let rows = 0;
  let last: Awaited<ReturnType<typeof continuationReport>> | undefined;
  for (let run = 0; run < RUNS; run += 1) {
    // The report's own queries, in the report's own kind of snapshot, without the estimation.
    const queries = await timed(() =>
      scope.snapshot(async (reader) => [
        await groupSizes(reader, of),
        await cohortDayCounts(reader, of),
        await breakdownDayCounts(reader, of, BREAKDOWN_HORIZON),
        await outcomeCounts(reader, of),
      ]),
    );
    sql.push(queries.ms);
    rows = queries.result.reduce((sum, result) => sum + result.length, 0);
    const [, cohortDays, horizonDays] = queries.result as [unknown, DayCountRow[], DayCountRow[]];
    kms.push((await timed(async () => estimateAll(cohortDays, horizonDays))).ms);
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
  console.log(`Recreating ${DATABASE} on ${new URL(SERVER_URL).host} …`);
  await onServer(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  await onServer(`CREATE DATABASE ${DATABASE}`);
  const url = new URL(SERVER_URL);
  url.pathname = `/${DATABASE}`;
  const db = openPostgres({ url: url.toString(), maxConnections: 4 });
  const measures: Measure[] = [];
  try {
    await applyMigrations(db);
    await generateNetwork(db.prisma);
    let made = 0;
    for (const size of SIZES) {
      const generated = await timed(() => generateTrials(db.prisma, made + 1, size, AS_OF));
      made = size;
      console.log(
        `${size.toLocaleString('en-US')} trials generated (+${ms(generated.ms)}); timing ${RUNS} runs …`,
      );
      measures.push(await measure(db, `all ${size.toLocaleString('en-US')}`, cohort()));
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
    await onServer(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
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
