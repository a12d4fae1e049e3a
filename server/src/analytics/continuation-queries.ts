import { Prisma } from '@ldn/db';
import type { IsoDate } from '@ldn/rules';
import type { ReportReader } from './analytics-scope.ts';

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
 * the caller has checked the viewer is the network.
 */
function cohortTrials(cohort: ReportCohort): Prisma.Sql {
  const asOf = Prisma.sql`CAST(${cohort.asOf} AS date)`;
  const ended = Prisma.sql`(t."endedOn" IS NOT NULL AND t."endedOn" <= ${asOf})`;
  return Prisma.sql`
    SELECT t.id, t."patientId", t."clinicId"::text AS clinic, t."prescriberId"::text AS prescriber,
           t.condition::text AS condition, t."baselineScore", t."discontinuationReason",
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

// The dimension and key of a GROUPING SETS row: the one grouping column present, or the whole cohort.
const DIMENSION = Prisma.sql`
  CASE WHEN GROUPING(condition) = 0 THEN 'CONDITION'
       WHEN GROUPING(clinic) = 0 THEN 'CLINIC'
       WHEN GROUPING(prescriber) = 0 THEN 'PRESCRIBER'
       ELSE 'ALL' END AS dimension,
  COALESCE(condition, clinic, prescriber, '') AS key`;

/**
 * Discontinued and censored trials per day on therapy, for the whole cohort: at most two years'
 * worth of days, however many trials.
 */
export function cohortDayCounts(reader: ReportReader, cohort: ReportCohort): Promise<DayCountRow[]> {
  return reader.$queryRaw<DayCountRow[]>`
    WITH cohort AS (${cohortTrials(cohort)})
    SELECT 'ALL' AS dimension, '' AS key, day,
           (count(*) FILTER (WHERE discontinued))::int AS discontinued,
           (count(*) FILTER (WHERE NOT discontinued))::int AS censored
    FROM cohort
    GROUP BY day`;
}

/**
 * The same per condition, clinic and prescriber. With a `horizon` (the last day a breakdown
 * reports), a trial followed up for longer counts as censored the day after it: that changes no
 * rate, interval or number at risk up to the horizon (Kaplan–Meier only looks back), and keeps
 * the rows to (horizon + 2) per group. Without one, the full follow-up (for medians beyond it).
 */
export function breakdownDayCounts(
  reader: ReportReader,
  cohort: ReportCohort,
  horizon: number | null,
): Promise<DayCountRow[]> {
  const day = horizon === null ? Prisma.sql`day` : Prisma.sql`LEAST(day, ${horizon + 1}::int)`;
  const discontinued =
    horizon === null ? Prisma.sql`discontinued` : Prisma.sql`(discontinued AND day <= ${horizon}::int)`;
  return reader.$queryRaw<DayCountRow[]>`
    WITH cohort AS (
      SELECT condition, clinic, prescriber, ${day} AS day, ${discontinued} AS discontinued
      FROM (${cohortTrials(cohort)}) trial
    )
    SELECT ${DIMENSION}, day,
           (count(*) FILTER (WHERE discontinued))::int AS discontinued,
           (count(*) FILTER (WHERE NOT discontinued))::int AS censored
    FROM cohort
    GROUP BY GROUPING SETS ((condition, day), (clinic, day), (prescriber, day))`;
}

/**
 * Trials and distinct patients of the cohort and of each group (suppression counts patients).
 * Distinct patients are counted in two steps — one row per group and patient, then rows per
 * group — which the database can hash instead of sorting every trial for count(DISTINCT).
 */
export function groupSizes(reader: ReportReader, cohort: ReportCohort): Promise<GroupSizeRow[]> {
  return reader.$queryRaw<GroupSizeRow[]>`
    WITH cohort AS (${cohortTrials(cohort)}),
    per_patient AS (
      SELECT ${DIMENSION}, count(*) AS trials,
             bool_or(discontinued) AS any_discontinued, bool_or(NOT discontinued) AS any_censored
      FROM cohort
      GROUP BY GROUPING SETS (("patientId"), (condition, "patientId"), (clinic, "patientId"), (prescriber, "patientId"))
    )
    SELECT dimension, key,
           sum(trials)::int AS trials,
           count(*)::int AS patients,
           (count(*) FILTER (WHERE any_discontinued))::int AS "discontinuedPatients",
           (count(*) FILTER (WHERE any_censored))::int AS "censoredPatients"
    FROM per_patient
    GROUP BY dimension, key`;
}

/**
 * §8 outcomes as of the report date: discontinuation reasons (of trials discontinued by then),
 * the class of each trial's latest assessment, the mean pain change of assessed trials, and the
 * trials with an adverse effect (assessments and adverse effects entered in error count nowhere) — as trial and distinct-patient counts per cell (counted in two
 * steps, as in groupSizes).
 */
export function outcomeCounts(reader: ReportReader, cohort: ReportCohort): Promise<OutcomeRow[]> {
  const asOf = Prisma.sql`CAST(${cohort.asOf} AS date)`;
  return reader.$queryRaw<OutcomeRow[]>`
    WITH cohort AS (${cohortTrials(cohort)}),
    latest AS (
      SELECT DISTINCT ON (a."trialId") a."trialId", a."responseClass", a."meanScore"
      FROM "Assessment" a JOIN cohort c ON c.id = a."trialId"
      WHERE a."assessedOn" <= ${asOf} AND a."enteredInErrorAt" IS NULL
      ORDER BY a."trialId", a."assessedOn" DESC, a."createdAt" DESC
    ),
    affected AS (
      SELECT DISTINCT e."trialId" FROM "AdverseEffect" e JOIN cohort c ON c.id = e."trialId"
      WHERE e."onsetOn" <= ${asOf} AND e."enteredInErrorAt" IS NULL
    ),
    outcome AS (
      SELECT c."patientId",
             CASE WHEN c.discontinued THEN c."discontinuationReason"::text END AS reason,
             l."responseClass"::text AS response_class,
             l."meanScore" - c."baselineScore" AS pain_change,
             (e."trialId" IS NOT NULL) AS adverse_effect
      FROM cohort c
      LEFT JOIN latest l ON l."trialId" = c.id
      LEFT JOIN affected e ON e."trialId" = c.id
    ),
    per_patient AS (
      SELECT CASE WHEN GROUPING(reason) = 0 THEN 'REASON'
                  WHEN GROUPING(response_class) = 0 THEN 'RESPONSE_CLASS'
                  WHEN GROUPING(adverse_effect) = 0 THEN 'ADVERSE_EFFECT'
                  ELSE 'ALL' END AS dimension,
             COALESCE(reason, response_class, adverse_effect::text) AS key,
             count(*) AS trials, count(pain_change) AS assessed, sum(pain_change) AS pain_change
      FROM outcome
      GROUP BY GROUPING SETS (("patientId"), (reason, "patientId"), (response_class, "patientId"),
                              (adverse_effect, "patientId"))
    )
    SELECT dimension, key,
           sum(trials)::int AS trials,
           count(*)::int AS patients,
           sum(assessed)::int AS "assessedTrials",
           (count(*) FILTER (WHERE assessed > 0))::int AS "assessedPatients",
           CAST(sum(pain_change) / NULLIF(sum(assessed), 0) AS double precision) AS "meanPainChange"
    FROM per_patient
    GROUP BY dimension, key`;
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
