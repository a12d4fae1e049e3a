import { Prisma } from '@ldn/db';
import type { ReportReader } from './analytics-repository.ts';
import type { Dimension, ReportCohort, ReportCounts } from './continuation-queries.ts';

// The SQL both ways of counting a report share (continuation-queries.ts trial by trial,
// continuation-kept.ts from the kept counts): the rule that turns a trial's records into what the
// report reads of it, the repeat-patient correction, and the shape of the rows that come back.

/** Whether a cohort is the whole network: no start period, no condition, clinic or prescriber. */
export const isWholeNetwork = (cohort: ReportCohort): boolean =>
  cohort.startedFrom === null &&
  cohort.startedTo === null &&
  cohort.conditions.length + cohort.clinicIds.length + cohort.prescriberIds.length === 0;

const castList = (values: readonly string[], type: Prisma.Sql) =>
  Prisma.join(values.map((value) => Prisma.sql`CAST(${value} AS ${type})`));

// Compared in the column's own type, so the indexes on clinic and prescriber stay usable.
const listFilter = (column: Prisma.Sql, values: readonly string[], type: Prisma.Sql) =>
  values.length === 0 ? Prisma.empty : Prisma.sql`AND ${column} IN (${castList(values, type)})`;

/** The report date as SQL. */
export const asOfDate = (cohort: ReportCohort) => Prisma.sql`CAST(${cohort.asOf} AS date)`;

/**
 * The cohort's trials with their time on therapy as of the report date (§10): days from start to
 * discontinuation when it happened on or before `asOf`, else to `asOf` (censored). Trials starting
 * after `asOf` are left out, and so are trials entered in error (they never happened: workflows.md,
 * corrections), from every count, curve, breakdown and outcome built on this. Read network-wide:
 * the caller has checked the viewer is the network. Keys stay in their own types (enum, uuid):
 * hashing them costs far less than hashing their text, which only the few output rows get.
 */
export function cohortTrials(cohort: ReportCohort): Prisma.Sql {
  const asOf = asOfDate(cohort);
  const ended = Prisma.sql`(t."endedOn" IS NOT NULL AND t."endedOn" <= ${asOf})`;
  return Prisma.sql`
    SELECT t.id, t."patientId", t."clinicId" AS clinic, t."prescriberId" AS prescriber,
           t.condition, t."baselineScore", t."discontinuationReason",
           ${ended} AS discontinued,
           CASE WHEN ${ended} THEN t."endedOn" - t."startDate" ELSE ${asOf} - t."startDate" END AS day
    FROM "Trial" t
    WHERE t."startDate" <= ${asOf}
      AND t."enteredInErrorAt" IS NULL
      ${cohortFilter(cohort, Prisma.sql`t`)}`;
}

/**
 * The cohort's start period, conditions, clinics and prescribers as conditions (`AND …`) on the
 * row `row` of a table with the trial's columns of those names ("Trial", "TrialFact").
 */
export function cohortFilter(cohort: ReportCohort, row: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
      ${cohort.startedFrom === null ? Prisma.empty : Prisma.sql`AND ${row}."startDate" >= CAST(${cohort.startedFrom} AS date)`}
      ${cohort.startedTo === null ? Prisma.empty : Prisma.sql`AND ${row}."startDate" <= CAST(${cohort.startedTo} AS date)`}
      ${listFilter(Prisma.sql`${row}.condition`, cohort.conditions, Prisma.sql`"Condition"`)}
      ${listFilter(Prisma.sql`${row}."clinicId"`, cohort.clinicIds, Prisma.sql`uuid`)}
      ${listFilter(Prisma.sql`${row}."prescriberId"`, cohort.prescriberIds, Prisma.sql`uuid`)}`;
}

/**
 * Each trial's latest assessment on or before the report date, not entered in error: the latest
 * date, then the latest saved, then the id — so two assessments saved in one statement still give
 * one answer, the same one the kept facts hold (migration …_continuation_counts, ldn_trial_facts).
 * `among` narrows the trials read (empty: every trial's).
 */
export function latestAssessments(cohort: ReportCohort, among: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT DISTINCT ON (a."trialId") a."trialId", a."responseClass", a."meanScore"
    FROM "Assessment" a
    WHERE a."assessedOn" <= ${asOfDate(cohort)} AND a."enteredInErrorAt" IS NULL ${among}
    ORDER BY a."trialId", a."assessedOn" DESC, a."createdAt" DESC, a.id DESC`;
}

/**
 * What the report reads of each trial of the CTE `trials` (the shape of `cohortTrials`) joined to
 * `latest` (of `latestAssessments`): its groups, day on therapy (and that day cut at the day after
 * `horizon`), whether it was discontinued, its §8 cells and pain change.
 */
export function trialRows(cohort: ReportCohort, horizon: number, trials: Prisma.Sql, latest: Prisma.Sql) {
  return Prisma.sql`
    SELECT c."patientId", c.condition, c.clinic, c.prescriber, c.day, c.discontinued,
           LEAST(c.day, ${horizon + 1}::int) AS capped,
           CASE WHEN c.discontinued THEN c."discontinuationReason" END AS reason,
           l."responseClass" AS response_class,
           l."meanScore" - c."baselineScore" AS pain_change,
           EXISTS (SELECT FROM "AdverseEffect" e
                   WHERE e."trialId" = c.id AND e."onsetOn" <= ${asOfDate(cohort)} AND e."enteredInErrorAt" IS NULL) AS adverse_effect
    FROM ${trials} c LEFT JOIN ${latest} l ON l."trialId" = c.id`;
}

// GROUPING(condition, clinic, prescriber, reason, response_class, adverse_effect) of a grouping set:
// the one column it groups by is the bit left 0 (all 1: the whole cohort).
export const GROUPS = {
  ALL: 63,
  CONDITION: 31,
  CLINIC: 47,
  PRESCRIBER: 55,
  REASON: 59,
  RESPONSE_CLASS: 61,
  ADVERSE_EFFECT: 62,
} as const;
type Group = keyof typeof GROUPS;
const GROUP_OF = new Map<number, Group>(
  Object.entries(GROUPS).map(([group, bits]) => [bits, group as Group]),
);

/** The group kind of a GROUPING() number. */
export function groupOf(grouping: number): Group {
  const group = GROUP_OF.get(grouping);
  if (group === undefined) throw new Error(`unexpected grouping ${grouping}`);
  return group;
}
export const GROUPING = Prisma.sql`GROUPING(condition, clinic, prescriber, reason, response_class, adverse_effect)`;
export const GROUP_KEYS = Prisma.sql`condition, clinic, prescriber, reason, response_class, adverse_effect`;
export const KEY_OF = Prisma.sql`COALESCE(condition::text, clinic::text, prescriber::text, reason::text,
                                  response_class::text, adverse_effect::text)`;

/**
 * The CTEs `per_patient` and `extra` over the CTE `repeats` (rows of `trialRows` of the patients who
 * may have several trials in the cohort): per group, the trials beyond each patient's first, and
 * likewise for the discontinued, censored and assessed ones. A group's patients are its trials less
 * these; a patient with one trial adds nothing, so `repeats` may hold more patients than needed.
 */
export const REPEAT_PATIENTS = Prisma.sql`
    per_patient AS (
      SELECT ${GROUPING} AS grouping, ${GROUP_KEYS}, count(*) AS trials,
             count(*) FILTER (WHERE discontinued) AS discontinued, count(pain_change) AS assessed
      FROM repeats
      GROUP BY GROUPING SETS (("patientId"), (condition, "patientId"), (clinic, "patientId"),
                              (prescriber, "patientId"), (reason, "patientId"), (response_class, "patientId"),
                              (adverse_effect, "patientId"))
    ),
    extra AS (
      SELECT grouping, ${KEY_OF} AS key, sum(trials - 1) AS trials,
             sum(GREATEST(discontinued - 1, 0)) AS discontinued,
             sum(GREATEST(trials - discontinued - 1, 0)) AS censored,
             sum(GREATEST(assessed - 1, 0)) AS assessed
      FROM per_patient GROUP BY 1, 2
    )`;

/** The columns of a day-count row that only a group's totals row fills. */
export const NO_TOTALS = Prisma.sql`
    NULL::int AS trials, NULL::int AS patients, NULL::int AS "discontinuedPatients",
    NULL::int AS "censoredPatients", NULL::int AS "assessedTrials", NULL::int AS "assessedPatients",
    NULL::double precision AS "meanPainChange"`;

/**
 * The totals rows of the CTE `totals` (grouping, key, trials, discontinued, assessed, pain_change),
 * each with its distinct patients (the CTE `extra` of REPEAT_PATIENTS) and mean pain change.
 */
export const TOTALS_WITH_PATIENTS = Prisma.sql`
    SELECT t.grouping, t.key, NULL, NULL, NULL,
           t.trials::int,
           (t.trials - COALESCE(e.trials, 0))::int,
           (t.discontinued - COALESCE(e.discontinued, 0))::int,
           (t.trials - t.discontinued - COALESCE(e.censored, 0))::int,
           t.assessed::int,
           (t.assessed - COALESCE(e.assessed, 0))::int,
           CAST(t.pain_change / NULLIF(t.assessed, 0) AS double precision)
    FROM totals t LEFT JOIN extra e ON e.grouping = t.grouping AND e.key IS NOT DISTINCT FROM t.key`;

/** A row of the report's counting statement: a day count of a group, or a group's totals. */
export interface CountRow {
  grouping: number;
  key: string | null;
  /** null on a group's totals row. */
  day: number | null;
  discontinued: number;
  censored: number;
  trials: number;
  patients: number;
  discontinuedPatients: number;
  censoredPatients: number;
  assessedTrials: number;
  assessedPatients: number;
  meanPainChange: number | null;
}

/** The counting statement's rows as the report reads them. */
export function countsOf(rows: readonly CountRow[]): ReportCounts {
  const counts: ReportCounts = { days: [], horizonDays: [], sizes: [], outcomes: [] };
  for (const row of rows) {
    const group = groupOf(row.grouping);
    if (row.day !== null) {
      const count = {
        dimension: group as Dimension,
        key: row.key ?? '',
        day: row.day,
        discontinued: row.discontinued,
        censored: row.censored,
      };
      (group === 'ALL' ? counts.days : counts.horizonDays).push(count);
      continue;
    }
    const { trials, patients, discontinuedPatients, censoredPatients } = row;
    const { assessedTrials, assessedPatients, meanPainChange } = row;
    if (group === 'ALL' || group === 'CONDITION' || group === 'CLINIC' || group === 'PRESCRIBER') {
      const key = row.key ?? '';
      counts.sizes.push({ dimension: group, key, trials, patients, discontinuedPatients, censoredPatients });
    }
    if (group === 'ALL' || group === 'REASON' || group === 'RESPONSE_CLASS' || group === 'ADVERSE_EFFECT') {
      const cell = { trials, patients, assessedTrials, assessedPatients, meanPainChange };
      counts.outcomes.push({ dimension: group, key: row.key, ...cell });
    }
  }
  return counts;
}

/**
 * The statement of `perTrialReportCounts` over the CTEs `trialCtes`, which define `trial`: one row
 * per trial of the cohort in the shape of `trialRows` (from the records, or from the kept facts).
 */
export async function countedTrials(
  reader: ReportReader,
  horizon: number,
  trialCtes: Prisma.Sql,
): Promise<ReportCounts> {
  const rows = await reader.$queryRaw<CountRow[]>`
    WITH ${trialCtes},
    counted AS MATERIALIZED (
      SELECT ${GROUPING} AS grouping, ${GROUP_KEYS}, COALESCE(day, capped) AS day,
             count(*) AS trials,
             count(*) FILTER (WHERE discontinued) AS discontinued,
             count(*) FILTER (WHERE discontinued AND day <= ${horizon}::int) AS discontinued_by_horizon,
             count(pain_change) AS assessed,
             sum(pain_change) AS pain_change
      FROM trial
      GROUP BY GROUPING SETS ((day), (condition, capped), (clinic, capped), (prescriber, capped),
                              (reason), (response_class), (adverse_effect))
    ),
    repeated AS (SELECT "patientId" FROM trial GROUP BY "patientId" HAVING count(*) > 1),
    repeats AS (SELECT * FROM trial WHERE "patientId" IN (SELECT "patientId" FROM repeated)),
    ${REPEAT_PATIENTS},
    totals AS (
      SELECT grouping, ${KEY_OF} AS key, sum(trials) AS trials, sum(discontinued) AS discontinued,
             sum(assessed) AS assessed, sum(pain_change) AS pain_change
      FROM counted GROUP BY 1, 2
    )
    SELECT grouping, ${KEY_OF} AS key, day,
           (CASE grouping WHEN ${GROUPS.ALL} THEN discontinued ELSE discontinued_by_horizon END)::int AS discontinued,
           (trials - CASE grouping WHEN ${GROUPS.ALL} THEN discontinued ELSE discontinued_by_horizon END)::int AS censored,
           ${NO_TOTALS}
    FROM counted
    WHERE grouping IN (${GROUPS.ALL}, ${GROUPS.CONDITION}, ${GROUPS.CLINIC}, ${GROUPS.PRESCRIBER})
    UNION ALL
    ${TOTALS_WITH_PATIENTS}`;
  return countsOf(rows);
}
