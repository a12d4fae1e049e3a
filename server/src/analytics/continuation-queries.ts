import { Prisma } from '@ldn/db';
import type { IsoDate } from '@ldn/rules';
import type { ReportReader } from './analytics-repository.ts';

// The aggregates of the continuation report, computed by the database: whatever the number of
// trials, what comes back is counts per (group, day on therapy), per group and per outcome cell.
// Parameterised `$queryRaw` only, in SQL that runs on PostgreSQL and PGlite alike.

/** Which trials a report covers; every list empty means "all". */
export interface ReportCohort {
  asOf: IsoDate;
  startedFrom: IsoDate | null;
  startedTo: IsoDate | null;
  conditions: string[];
  clinicIds: string[];
  prescriberIds: string[];
}

/** The dimensions a count belongs to: the whole cohort, or one group of a breakdown. */
export type Dimension = 'ALL' | 'CONDITION' | 'CLINIC' | 'PRESCRIBER';

export interface DayCountRow {
  dimension: Dimension;
  key: string;
  day: number;
  discontinued: number;
  censored: number;
}

export interface GroupSizeRow {
  dimension: Dimension;
  key: string;
  trials: number;
  patients: number;
  discontinuedPatients: number;
  censoredPatients: number;
}

export type OutcomeDimension = 'ALL' | 'REASON' | 'RESPONSE_CLASS' | 'ADVERSE_EFFECT';

export interface OutcomeRow {
  dimension: OutcomeDimension;
  key: string | null;
  trials: number;
  patients: number;
  assessedTrials: number;
  assessedPatients: number;
  /** Mean of (latest assessment's mean score − baseline), NRS points; null with no assessment. */
  meanPainChange: number | null;
}

const castList = (values: readonly string[], type: Prisma.Sql) =>
  Prisma.join(values.map((value) => Prisma.sql`CAST(${value} AS ${type})`));

// Compared in the column's own type, so the indexes on clinic and prescriber stay usable.
const listFilter = (column: Prisma.Sql, values: readonly string[], type: Prisma.Sql) =>
  values.length === 0 ? Prisma.empty : Prisma.sql`AND ${column} IN (${castList(values, type)})`;

/**
 * The cohort's trials with their time on therapy as of the report date (§10): days from start to
 * discontinuation when it happened on or before `asOf`, else to `asOf` (censored). Trials starting
 * after `asOf` are left out, and so are trials entered in error (they never happened: workflows.md,
 * corrections), from every count, curve, breakdown and outcome built on this. Read network-wide:
 * the caller has checked the viewer is the network. Keys stay in their own types (enum, uuid):
 * hashing them costs far less than hashing their text, which only the few output rows get.
 */
function cohortTrials(cohort: ReportCohort): Prisma.Sql {
  const asOf = Prisma.sql`CAST(${cohort.asOf} AS date)`;
  const ended = Prisma.sql`(t."endedOn" IS NOT NULL AND t."endedOn" <= ${asOf})`;
  return Prisma.sql`
    SELECT t.id, t."patientId", t."clinicId" AS clinic, t."prescriberId" AS prescriber,
           t.condition, t."baselineScore", t."discontinuationReason",
           ${ended} AS discontinued,
           CASE WHEN ${ended} THEN t."endedOn" - t."startDate" ELSE ${asOf} - t."startDate" END AS day
    FROM "Trial" t
    WHERE t."startDate" <= ${asOf}
      AND t."enteredInErrorAt" IS NULL
      ${cohort.startedFrom === null ? Prisma.empty : Prisma.sql`AND t."startDate" >= CAST(${cohort.startedFrom} AS date)`}
      ${cohort.startedTo === null ? Prisma.empty : Prisma.sql`AND t."startDate" <= CAST(${cohort.startedTo} AS date)`}
      ${listFilter(Prisma.sql`t.condition`, cohort.conditions, Prisma.sql`"Condition"`)}
      ${listFilter(Prisma.sql`t."clinicId"`, cohort.clinicIds, Prisma.sql`uuid`)}
      ${listFilter(Prisma.sql`t."prescriberId"`, cohort.prescriberIds, Prisma.sql`uuid`)}`;
}

// GROUPING(condition, clinic, prescriber, reason, response_class, adverse_effect) of a grouping set:
// the one column it groups by is the bit left 0 (all 1: the whole cohort).
const GROUPS = {
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
const GROUPING = Prisma.sql`GROUPING(condition, clinic, prescriber, reason, response_class, adverse_effect)`;
const GROUP_KEYS = Prisma.sql`condition, clinic, prescriber, reason, response_class, adverse_effect`;
const KEY_OF = Prisma.sql`COALESCE(condition::text, clinic::text, prescriber::text, reason::text,
                                  response_class::text, adverse_effect::text)`;

export interface ReportCounts {
  /** The whole cohort's discontinued and censored trials per day on therapy (dimension ALL). */
  days: DayCountRow[];
  /** The same per condition, clinic and prescriber, cut at the horizon (see reportCounts). */
  horizonDays: DayCountRow[];
  /** Trials and distinct patients of the cohort and of each condition, clinic and prescriber. */
  sizes: GroupSizeRow[];
  /** §8 outcome cells: the cohort's, and per reason, response class and adverse effect. */
  outcomes: OutcomeRow[];
}

interface CountRow {
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

/**
 * Every count of a report in one statement, over one pass of the cohort's trials:
 * - discontinued and censored trials per day on therapy, for the whole cohort (at most two years of
 *   days, however many trials) and per condition, clinic and prescriber — those cut at `horizon`
 *   (the last day a breakdown reports): a trial followed up for longer counts as censored the day
 *   after it, which changes no rate, interval or number at risk up to the horizon (Kaplan–Meier
 *   only looks back) and keeps the rows to (horizon + 2) per group;
 * - §8 outcomes as of the report date: discontinuation reasons (of trials discontinued by then),
 *   the class of each trial's latest assessment, the mean pain change of assessed trials, and the
 *   trials with an adverse effect (assessments and adverse effects entered in error count nowhere);
 * - each group's and cell's trials and distinct patients (suppression counts patients).
 * Deduplicating patients in every group would hash every trial once more per group kind; only a
 * patient with several trials in the cohort needs it. So a group's patients are its trials less,
 * for each such patient, the trials beyond the first (and likewise the patients with a discontinued,
 * censored or assessed trial): `per_patient` counts the repeat patients' trials alone.
 */
export async function reportCounts(
  reader: ReportReader,
  cohort: ReportCohort,
  horizon: number,
): Promise<ReportCounts> {
  const asOf = Prisma.sql`CAST(${cohort.asOf} AS date)`;
  // A filtered cohort reads its own trials' assessments; the whole network reads them all, which
  // costs less than matching every trial first (those outside the cohort are never joined).
  const filtered =
    cohort.startedFrom !== null ||
    cohort.startedTo !== null ||
    cohort.conditions.length + cohort.clinicIds.length + cohort.prescriberIds.length > 0;
  const onlyCohortTrials = filtered ? Prisma.sql`AND a."trialId" IN (SELECT id FROM cohort)` : Prisma.empty;
  const rows = await reader.$queryRaw<CountRow[]>`
    WITH cohort AS NOT MATERIALIZED (${cohortTrials(cohort)}),
    latest AS (
      SELECT DISTINCT ON (a."trialId") a."trialId", a."responseClass", a."meanScore"
      FROM "Assessment" a
      WHERE a."assessedOn" <= ${asOf} AND a."enteredInErrorAt" IS NULL ${onlyCohortTrials}
      ORDER BY a."trialId", a."assessedOn" DESC, a."createdAt" DESC
    ),
    trial AS MATERIALIZED (
      SELECT c."patientId", c.condition, c.clinic, c.prescriber, c.day, c.discontinued,
             LEAST(c.day, ${horizon + 1}::int) AS capped,
             CASE WHEN c.discontinued THEN c."discontinuationReason" END AS reason,
             l."responseClass" AS response_class,
             l."meanScore" - c."baselineScore" AS pain_change,
             EXISTS (SELECT FROM "AdverseEffect" e
                     WHERE e."trialId" = c.id AND e."onsetOn" <= ${asOf} AND e."enteredInErrorAt" IS NULL) AS adverse_effect
      FROM cohort c LEFT JOIN latest l ON l."trialId" = c.id
    ),
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
    per_patient AS (
      SELECT ${GROUPING} AS grouping, ${GROUP_KEYS}, count(*) AS trials,
             count(*) FILTER (WHERE discontinued) AS discontinued, count(pain_change) AS assessed
      FROM trial WHERE "patientId" IN (SELECT "patientId" FROM repeated)
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
    ),
    totals AS (
      SELECT grouping, ${KEY_OF} AS key, sum(trials) AS trials, sum(discontinued) AS discontinued,
             sum(assessed) AS assessed, sum(pain_change) AS pain_change
      FROM counted GROUP BY 1, 2
    )
    SELECT grouping, ${KEY_OF} AS key, day,
           (CASE grouping WHEN ${GROUPS.ALL} THEN discontinued ELSE discontinued_by_horizon END)::int AS discontinued,
           (trials - CASE grouping WHEN ${GROUPS.ALL} THEN discontinued ELSE discontinued_by_horizon END)::int AS censored,
           NULL::int AS trials, NULL::int AS patients, NULL::int AS "discontinuedPatients",
           NULL::int AS "censoredPatients", NULL::int AS "assessedTrials", NULL::int AS "assessedPatients",
           NULL::double precision AS "meanPainChange"
    FROM counted
    WHERE grouping IN (${GROUPS.ALL}, ${GROUPS.CONDITION}, ${GROUPS.CLINIC}, ${GROUPS.PRESCRIBER})
    UNION ALL
    SELECT t.grouping, t.key, NULL, NULL, NULL,
           t.trials::int,
           (t.trials - COALESCE(e.trials, 0))::int,
           (t.discontinued - COALESCE(e.discontinued, 0))::int,
           (t.trials - t.discontinued - COALESCE(e.censored, 0))::int,
           t.assessed::int,
           (t.assessed - COALESCE(e.assessed, 0))::int,
           CAST(t.pain_change / NULLIF(t.assessed, 0) AS double precision)
    FROM totals t LEFT JOIN extra e ON e.grouping = t.grouping AND e.key IS NOT DISTINCT FROM t.key`;
  return countsOf(rows);
}

/** The statement's rows as the report reads them. */
function countsOf(rows: readonly CountRow[]): ReportCounts {
  const counts: ReportCounts = { days: [], horizonDays: [], sizes: [], outcomes: [] };
  for (const row of rows) {
    const group = GROUP_OF.get(row.grouping);
    if (group === undefined) throw new Error(`unexpected grouping ${row.grouping}`);
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
 * Discontinued and censored trials per day on therapy per condition, clinic and prescriber, over
 * the whole follow-up: for the groups whose median lies beyond the breakdowns' horizon.
 */
export function breakdownDayCounts(reader: ReportReader, cohort: ReportCohort): Promise<DayCountRow[]> {
  return reader.$queryRaw<DayCountRow[]>`
    SELECT CASE grouping WHEN 3 THEN 'CONDITION' WHEN 5 THEN 'CLINIC' ELSE 'PRESCRIBER' END AS dimension,
           COALESCE(condition::text, clinic::text, prescriber::text) AS key,
           day, discontinued::int, (trials - discontinued)::int AS censored
    FROM (
      SELECT GROUPING(condition, clinic, prescriber) AS grouping, condition, clinic, prescriber, day,
             count(*) AS trials, count(*) FILTER (WHERE discontinued) AS discontinued
      FROM (${cohortTrials(cohort)}) trial
      GROUP BY GROUPING SETS ((condition, day), (clinic, day), (prescriber, day))
    ) counted`;
}

/** The names of the clinics and prescribers a breakdown shows (they are not patients). */
export async function groupLabels(
  reader: ReportReader,
  clinicIds: string[],
  prescriberIds: string[],
): Promise<{ clinics: Map<string, string>; prescribers: Map<string, string> }> {
  const [clinics, prescribers] = await Promise.all([
    reader.organisation.findMany({ where: { id: { in: clinicIds } }, select: { id: true, name: true } }),
    reader.user.findMany({ where: { id: { in: prescriberIds } }, select: { id: true, name: true } }),
  ]);
  return {
    clinics: new Map(clinics.map((c) => [c.id, c.name])),
    prescribers: new Map(prescribers.map((p) => [p.id, p.name])),
  };
}
