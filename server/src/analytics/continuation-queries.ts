import { Prisma } from '@ldn/db';
import type { IsoDate } from '@ldn/rules';
import type { ReportReader } from './analytics-repository.ts';
import { countsPath, factsReportCounts, keptDayCounts, keptReportCounts } from './continuation-kept.ts';
import {
  cohortTrials,
  countedTrials,
  isWholeNetwork,
  latestAssessments,
  trialRows,
} from './continuation-sql.ts';

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

export interface ReportCounts {
  /** The whole cohort's discontinued and censored trials per day on therapy (dimension ALL). */
  days: DayCountRow[];
  /** The same per condition, clinic and prescriber, cut at the horizon (see perTrialReportCounts). */
  horizonDays: DayCountRow[];
  /** Trials and distinct patients of the cohort and of each condition, clinic and prescriber. */
  sizes: GroupSizeRow[];
  /** §8 outcome cells: the cohort's, and per reason, response class and adverse effect. */
  outcomes: OutcomeRow[];
}

/**
 * Every count of a report: from the counts the database keeps as trials change when the cohort is
 * the whole network, from the facts it keeps per trial for a filtered cohort (continuation-kept.ts),
 * else in one pass over the cohort's trials and their records. All give the same rows; see
 * `perTrialReportCounts` for what they are.
 */
export async function reportCounts(
  reader: ReportReader,
  cohort: ReportCohort,
  horizon: number,
): Promise<ReportCounts> {
  switch (await countsPath(reader, cohort)) {
    case 'KEPT':
      return keptReportCounts(reader, cohort, horizon);
    case 'FACTS':
      return factsReportCounts(reader, cohort, horizon);
    default:
      return perTrialReportCounts(reader, cohort, horizon);
  }
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
export function perTrialReportCounts(
  reader: ReportReader,
  cohort: ReportCohort,
  horizon: number,
): Promise<ReportCounts> {
  // A filtered cohort reads its own trials' assessments; the whole network reads them all, which
  // costs less than matching every trial first (those outside the cohort are never joined).
  const onlyCohortTrials = isWholeNetwork(cohort)
    ? Prisma.empty
    : Prisma.sql`AND a."trialId" IN (SELECT id FROM cohort)`;
  return countedTrials(
    reader,
    horizon,
    Prisma.sql`
    cohort AS NOT MATERIALIZED (${cohortTrials(cohort)}),
    latest AS (${latestAssessments(cohort, onlyCohortTrials)}),
    trial AS MATERIALIZED (${trialRows(cohort, horizon, Prisma.sql`cohort`, Prisma.sql`latest`)})`,
  );
}

/**
 * Discontinued and censored trials per day on therapy of the groups `keys` of one breakdown, over
 * the whole follow-up: for the groups whose median lies beyond the breakdowns' horizon.
 */
export async function breakdownDayCounts(
  reader: ReportReader,
  cohort: ReportCohort,
  dimension: Exclude<Dimension, 'ALL'>,
  keys: string[],
): Promise<DayCountRow[]> {
  return (await countsPath(reader, cohort)) === 'KEPT'
    ? keptDayCounts(reader, cohort, dimension, keys)
    : perTrialDayCounts(reader, cohort, dimension, keys);
}

/** `breakdownDayCounts` trial by trial: the cohort narrowed to the groups. */
export function perTrialDayCounts(
  reader: ReportReader,
  cohort: ReportCohort,
  dimension: Exclude<Dimension, 'ALL'>,
  keys: string[],
): Promise<DayCountRow[]> {
  const narrowed: ReportCohort = {
    ...cohort,
    ...(dimension === 'CONDITION' ? { conditions: keys } : {}),
    ...(dimension === 'CLINIC' ? { clinicIds: keys } : {}),
    ...(dimension === 'PRESCRIBER' ? { prescriberIds: keys } : {}),
  };
  const column = Prisma.raw(
    { CONDITION: 'condition', CLINIC: 'clinic', PRESCRIBER: 'prescriber' }[dimension],
  );
  return reader.$queryRaw<DayCountRow[]>`
    SELECT ${dimension} AS dimension, ${column}::text AS key, day,
           count(*) FILTER (WHERE discontinued)::int AS discontinued,
           count(*) FILTER (WHERE NOT discontinued)::int AS censored
    FROM (${cohortTrials(narrowed)}) trial
    GROUP BY ${column}, day`;
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
