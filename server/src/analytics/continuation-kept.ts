import { Prisma } from '@ldn/db';
import type { ReportReader } from './analytics-repository.ts';
import type {
  DayCountRow,
  Dimension,
  GroupSizeRow,
  ReportCohort,
  ReportCounts,
} from './continuation-queries.ts';
import {
  asOfDate,
  type CountRow,
  cohortFilter,
  cohortTrials,
  countedTrials,
  countsOf,
  GROUPS,
  groupOf,
  isWholeNetwork,
  latestAssessments,
  NO_TOTALS,
  REPEAT_PATIENTS,
  TOTALS_WITH_PATIENTS,
  trialRows,
} from './continuation-sql.ts';

// The whole network's report from the counts the database keeps as trials change (migration
// …_continuation_counts): a few rows per group and day instead of every trial. Each kept count is
// what the per-trial statement (continuation-queries.ts) gives as of any date on or after the
// facts' "datedThrough". A trial dated after the report date (planned to start later, or ended,
// assessed or with an adverse effect after it) is taken out of the kept counts as kept and put back
// as of the report date, from its own records: exact, and cheap while such trials are few.

/**
 * How a report is counted: the whole network from the kept counts; a filtered cohort from the kept
 * facts (one narrow row per trial, no assessment or adverse effect to join); or trial by trial
 * from the records.
 */
export type CountsPath = 'KEPT' | 'FACTS' | 'PER_TRIAL';

/**
 * Beyond one trial in this many dated after the report date, putting them back one by one costs
 * more than it saves: an earlier report date is counted trial by trial.
 */
const LATE_TRIALS_ONE_IN = 10;

/**
 * Whether a report reads what the database keeps: with few trials dated after the report date, the
 * kept counts for the whole network, the kept facts for a filtered cohort (the counts are kept per
 * group of one dimension, not per filter); else trial by trial.
 */
export async function countsPath(reader: ReportReader, cohort: ReportCohort): Promise<CountsPath> {
  const [network] = await reader.$queryRaw<{ trials: number; late: number }[]>`
    WITH network AS (
      SELECT COALESCE((SELECT trials FROM "ContinuationGroupCount" WHERE dimension = 'ALL' AND key = ''), 0) AS trials
    )
    SELECT trials,
           (SELECT count(*)::int FROM (
              SELECT FROM "TrialFact" WHERE "datedThrough" > ${asOfDate(cohort)}
              LIMIT (SELECT trials / ${LATE_TRIALS_ONE_IN}::int + 1 FROM network)) late) AS late
    FROM network`;
  if (network === undefined || network.late * LATE_TRIALS_ONE_IN > network.trials) return 'PER_TRIAL';
  return isWholeNetwork(cohort) ? 'KEPT' : 'FACTS';
}

/** A kept count's dimension as the per-trial statement's GROUPING() number. */
const GROUPING_OF_DIMENSION = Prisma.raw(
  `CASE dimension ${Object.entries(GROUPS)
    .map(([dimension, bits]) => `WHEN '${dimension}' THEN ${bits}`)
    .join(' ')} END`,
);

const BREAKDOWNS = Prisma.sql`('CONDITION', 'CLINIC', 'PRESCRIBER')`;

/**
 * The kept facts of `facts` as the per-trial statement's rows (`trialRows`) would be on a report
 * date on or after their "datedThrough": this is what the kept counts hold of them.
 */
function factRows(cohort: ReportCohort, horizon: number, facts: Prisma.Sql): Prisma.Sql {
  const day = Prisma.sql`COALESCE(f."endedOn", ${asOfDate(cohort)}) - f."startDate"`;
  return Prisma.sql`
    SELECT f."patientId", f.condition, f."clinicId" AS clinic, f."prescriberId" AS prescriber,
           ${day} AS day, f."endedOn" IS NOT NULL AS discontinued,
           LEAST(${day}, ${horizon + 1}::int) AS capped,
           CASE WHEN f."endedOn" IS NOT NULL THEN f."discontinuationReason" END AS reason,
           f."responseClass" AS response_class,
           f."meanScore" - f."baselineScore" AS pain_change,
           f."adverseEffectOn" IS NOT NULL AS adverse_effect
    FROM ${facts} f`;
}

/**
 * CTEs `late_now` (the trials dated after the report date, as of it, from their records) and
 * `adjust` (those rows +1, and the same trials as kept −1) with each row's group keys, in the kept
 * tables' terms ('' for the whole network, no reason, no class).
 */
function lateTrials(cohort: ReportCohort, horizon: number): Prisma.Sql {
  return Prisma.sql`
    late AS MATERIALIZED (SELECT * FROM "TrialFact" WHERE "datedThrough" > ${asOfDate(cohort)}),
    late_cohort AS MATERIALIZED (${cohortTrials(cohort)} AND t.id IN (SELECT "trialId" FROM late)),
    late_latest AS (${latestAssessments(cohort, Prisma.sql`AND a."trialId" IN (SELECT id FROM late_cohort)`)}),
    late_now AS MATERIALIZED (${trialRows(cohort, horizon, Prisma.sql`late_cohort`, Prisma.sql`late_latest`)}),
    adjust AS MATERIALIZED (
      SELECT k.dimension, k.key, a.sign, a.day, a.discontinued, a.pain_change
      FROM (SELECT 1 AS sign, * FROM late_now
            UNION ALL
            SELECT -1, * FROM (${factRows(cohort, horizon, Prisma.sql`late`)}) kept) a
      CROSS JOIN LATERAL (VALUES ('ALL'::"ContinuationDimension", ''), ('CONDITION', a.condition::text),
                                 ('CLINIC', a.clinic::text), ('PRESCRIBER', a.prescriber::text),
                                 ('REASON', COALESCE(a.reason::text, '')),
                                 ('RESPONSE_CLASS', COALESCE(a.response_class::text, '')),
                                 ('ADVERSE_EFFECT', a.adverse_effect::text)) k(dimension, key)
    )`;
}

/**
 * The rows of `perTrialReportCounts`, from the kept counts, in one statement (one snapshot): each
 * group's ended trials per day and trials still going per day on the report date (for a
 * breakdown, up to the horizon) as arrays, the late trials' corrections likewise, the totals of
 * every group and cell, and the distinct patients from the trials of the few patients with
 * several. The day counts are merged here (`dayCountsOf`): a few hundred rows of arrays cost the
 * driver far less to read than tens of thousands of rows.
 */
export async function keptReportCounts(
  reader: ReportReader,
  cohort: ReportCohort,
  horizon: number,
): Promise<ReportCounts> {
  const asOf = asOfDate(cohort);
  const repeatPatients = Prisma.sql`(SELECT "patientId" FROM "ContinuationPatientCount" WHERE trials > 1)`;
  const rows = await reader.$queryRaw<KeptRow[]>`
    WITH ${lateTrials(cohort, horizon)},
    ended AS (
      SELECT dimension, key, array_agg(day) AS day, array_agg(trials) AS discontinued, NULL::int[] AS censored
      FROM (SELECT * FROM "ContinuationEndedCount" WHERE dimension = 'ALL'
            UNION ALL
            SELECT * FROM "ContinuationEndedCount" WHERE dimension IN ${BREAKDOWNS} AND day <= ${horizon}::int) e
      GROUP BY dimension, key
    ),
    going AS (
      SELECT dimension, key, array_agg(${asOf} - "startDate") AS day, NULL::int[] AS discontinued,
             array_agg(trials) AS censored
      FROM (SELECT * FROM "ContinuationActiveCount" WHERE dimension = 'ALL'
            UNION ALL
            SELECT * FROM "ContinuationActiveCount"
            WHERE dimension IN ${BREAKDOWNS} AND "startDate" >= ${asOf} - ${horizon}::int) a
      GROUP BY dimension, key
    ),
    corrected AS (
      SELECT dimension, key, array_agg(day) AS day,
             array_agg(CASE WHEN discontinued THEN sign ELSE 0 END) AS discontinued,
             array_agg(CASE WHEN discontinued THEN 0 ELSE sign END) AS censored
      FROM adjust WHERE dimension = 'ALL' OR dimension IN ${BREAKDOWNS}
      GROUP BY dimension, key
    ),
    totals AS (
      SELECT ${GROUPING_OF_DIMENSION} AS grouping, NULLIF(key, '') AS key, sum(trials) AS trials,
             sum(ended) AS discontinued, sum(assessed)::numeric AS assessed, sum(pain_change) AS pain_change
      FROM (
        SELECT dimension, key, trials, ended, assessed, "painChange" AS pain_change FROM "ContinuationGroupCount"
        UNION ALL
        SELECT dimension, key, sign, CASE WHEN discontinued THEN sign ELSE 0 END,
               CASE WHEN pain_change IS NULL THEN 0 ELSE sign END, sign * pain_change
        FROM adjust
      ) counted
      GROUP BY dimension, key HAVING sum(trials) > 0
    ),
    repeats AS (
      ${factRows(
        cohort,
        horizon,
        Prisma.sql`(SELECT * FROM "TrialFact" WHERE "patientId" IN ${repeatPatients} AND "datedThrough" <= ${asOf})`,
      )}
      UNION ALL
      SELECT * FROM late_now WHERE "patientId" IN ${repeatPatients}
    ),
    ${REPEAT_PATIENTS}
    SELECT ${GROUPING_OF_DIMENSION} AS grouping, NULLIF(key, '') AS key, day, discontinued, censored, ${NO_TOTALS}
    FROM (SELECT * FROM ended UNION ALL SELECT * FROM going UNION ALL SELECT * FROM corrected) days
    UNION ALL
    ${TOTALS_WITH_PATIENTS}`;
  const totals = countsOf(
    rows
      .filter((row) => row.day === null)
      .map((row) => ({ ...row, day: null, discontinued: 0, censored: 0 })),
  );
  return { ...totals, ...dayCountsOf(rows, totals.sizes, horizon) };
}

/**
 * The rows of `perTrialReportCounts` for a filtered cohort, from the kept facts: the cohort's facts
 * dated on or before the report date as they stand, and its trials dated later from their records
 * (`lateTrials`), counted by the per-trial statement's own aggregation.
 */
export function factsReportCounts(
  reader: ReportReader,
  cohort: ReportCohort,
  horizon: number,
): Promise<ReportCounts> {
  const facts = Prisma.sql`(
    SELECT * FROM "TrialFact" kept
    WHERE kept."datedThrough" <= ${asOfDate(cohort)} ${cohortFilter(cohort, Prisma.sql`kept`)})`;
  return countedTrials(
    reader,
    horizon,
    Prisma.sql`
    ${lateTrials(cohort, horizon)},
    trial AS MATERIALIZED (
      ${factRows(cohort, horizon, facts)}
      UNION ALL
      SELECT * FROM late_now
    )`,
  );
}

/** A row of the kept statement: a group's day counts as arrays (discontinued or censored), or its totals. */
interface KeptRow extends Omit<CountRow, 'day' | 'discontinued' | 'censored'> {
  day: number[] | null;
  discontinued: number[] | null;
  censored: number[] | null;
}

/**
 * The whole network's and each breakdown group's day counts from the kept statement's arrays, as
 * the per-trial statement gives them: a breakdown cut at the horizon, the rest of its trials
 * (its size less those counted up to the horizon) censored the day after.
 */
function dayCountsOf(
  rows: readonly KeptRow[],
  sizes: readonly GroupSizeRow[],
  horizon: number,
): Pick<ReportCounts, 'days' | 'horizonDays'> {
  const groups = new Map<string, { dimension: Dimension; key: string; days: Map<number, DayTotal> }>();
  const groupOfKey = (dimension: Dimension, key: string) => {
    const id = `${dimension} ${key}`;
    const group = groups.get(id) ?? { dimension, key, days: new Map<number, DayTotal>() };
    groups.set(id, group);
    return group;
  };
  for (const row of rows) {
    if (row.day === null) continue;
    const dimension = groupOf(row.grouping) as Dimension;
    const { days } = groupOfKey(dimension, row.key ?? '');
    row.day.forEach((day, index) => {
      if (dimension !== 'ALL' && day > horizon) return;
      const discontinued = row.discontinued?.[index] ?? 0;
      const total = days.get(day) ?? { discontinued: 0, trials: 0 };
      days.set(day, {
        discontinued: total.discontinued + discontinued,
        trials: total.trials + discontinued + (row.censored?.[index] ?? 0),
      });
    });
  }
  for (const size of sizes) {
    if (size.dimension === 'ALL') continue;
    const { days } = groupOfKey(size.dimension, size.key);
    const counted = [...days.values()].reduce((sum, total) => sum + total.trials, 0);
    if (size.trials > counted) days.set(horizon + 1, { discontinued: 0, trials: size.trials - counted });
  }
  const counts: Pick<ReportCounts, 'days' | 'horizonDays'> = { days: [], horizonDays: [] };
  for (const { dimension, key, days } of groups.values()) {
    for (const [day, { discontinued, trials }] of days) {
      if (trials === 0) continue;
      const count = { dimension, key, day, discontinued, censored: trials - discontinued };
      (dimension === 'ALL' ? counts.days : counts.horizonDays).push(count);
    }
  }
  return counts;
}

interface DayTotal {
  discontinued: number;
  trials: number;
}

/** The whole follow-up's day counts of the groups `keys` of one breakdown, from the kept counts. */
export async function keptDayCounts(
  reader: ReportReader,
  cohort: ReportCohort,
  dimension: Exclude<Dimension, 'ALL'>,
  keys: readonly string[],
): Promise<DayCountRow[]> {
  if (keys.length === 0) return [];
  const asOf = asOfDate(cohort);
  const ofGroups = Prisma.sql`dimension = CAST(${dimension} AS "ContinuationDimension") AND key IN (${Prisma.join(keys)})`;
  return reader.$queryRaw<DayCountRow[]>`
    WITH ${lateTrials(cohort, 0)}
    SELECT dimension::text AS dimension, key, day,
           sum(discontinued)::int AS discontinued, (sum(trials) - sum(discontinued))::int AS censored
    FROM (
      SELECT dimension, key, day, trials AS discontinued, trials FROM "ContinuationEndedCount" WHERE ${ofGroups}
      UNION ALL
      SELECT dimension, key, ${asOf} - "startDate", 0, trials FROM "ContinuationActiveCount" WHERE ${ofGroups}
      UNION ALL
      SELECT dimension, key, day, CASE WHEN discontinued THEN sign ELSE 0 END, sign FROM adjust WHERE ${ofGroups}
    ) counted
    GROUP BY 1, 2, 3 HAVING sum(trials) > 0`;
}
