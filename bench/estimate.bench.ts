// `pnpm bench:estimate`: times the continuation report's estimation alone (no database) at 100,000
// and 1,000,000 trials: day counts shaped as the report's queries return them (the whole cohort
// over two years, 7 conditions, 50 clinics and 250 prescribers cut at the breakdown horizon), then
// Kaplan–Meier, intervals and the reported rates of every group from the counts — against the
// rules package's per-trial `continuation` over one span per trial (the old path). Seeded: the
// same counts every run.

import { BREAKDOWN_HORIZON, countsByKey } from '../server/src/analytics/continuation-breakdown.ts';
import { estimateContinuation, reportedAt } from '../server/src/analytics/continuation-estimate.ts';
import type { DayCountRow, Dimension } from '../server/src/analytics/continuation-queries.ts';
import { addDays, continuation, type TrialSpan } from '../shared/src/index.ts';

const AS_OF = '2026-06-30';
const SIZES = [100_000, 1_000_000];
const RUNS = 7;
const GROUPS: [Dimension, number][] = [
  ['CONDITION', 7],
  ['CLINIC', 50],
  ['PRESCRIBER', 250],
];

/** A small seeded generator (LCG): the same cohort on every run. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

function dayCountRows(trials: number): DayCountRow[] {
  const random = seeded(16);
  const rows: DayCountRow[] = [];
  const add = (dimension: Dimension, key: string, groupTrials: number, days: number) => {
    const byDay = Array.from({ length: days }, (_, day) => ({
      dimension,
      key,
      day,
      discontinued: 0,
      censored: 0,
    }));
    for (let i = 0; i < groupTrials; i += 1) {
      const row = byDay[Math.floor(random() * days)];
      if (row === undefined) continue;
      if (random() < 0.5) row.discontinued += 1;
      else row.censored += 1;
    }
    rows.push(...byDay.filter((row) => row.discontinued + row.censored > 0));
  };
  add('ALL', '', trials, 731);
  for (const [dimension, count] of GROUPS) {
    for (let i = 0; i < count; i += 1)
      add(dimension, `${dimension}-${i}`, trials / count, BREAKDOWN_HORIZON + 2);
  }
  return rows;
}

const groupsOf = (rows: DayCountRow[]) =>
  (['ALL', ...GROUPS.map(([dimension]) => dimension)] as Dimension[]).flatMap((dimension) => [
    ...countsByKey(rows, dimension).values(),
  ]);

function fromCounts(rows: DayCountRow[]): void {
  for (const counts of groupsOf(rows)) {
    const estimate = estimateContinuation(counts);
    if (estimate !== null) for (const day of [90, 123, 180]) reportedAt(estimate, day);
  }
}

function perTrial(rows: DayCountRow[]): void {
  for (const counts of groupsOf(rows)) {
    const spans: TrialSpan[] = [];
    for (const { day, discontinued, censored } of counts) {
      const startDate = addDays(AS_OF, -day);
      for (let i = 0; i < discontinued; i += 1) spans.push({ startDate, endDate: AS_OF });
      for (let i = 0; i < censored; i += 1) spans.push({ startDate });
    }
    continuation(spans, AS_OF);
  }
}

function time(work: () => void): string {
  const times: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const started = performance.now();
    work();
    times.push(performance.now() - started);
  }
  const median = [...times].sort((a, b) => a - b)[Math.floor(RUNS / 2)] ?? 0;
  return `${Math.round(median).toLocaleString('en-US')} ms`;
}

for (const trials of SIZES) {
  const rows = dayCountRows(trials);
  console.log(
    `${trials.toLocaleString('en-US')} trials, ${rows.length.toLocaleString('en-US')} day-count rows: ` +
      `from counts ${time(() => fromCounts(rows))}; one span per trial ${time(() => perTrial(rows))} ` +
      `(median of ${RUNS})`,
  );
}
