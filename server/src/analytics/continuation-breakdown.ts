import { CONTINUATION_REPORT_DAYS } from '@ldn/rules';
import type { ReportReader } from './analytics-repository.ts';
import {
  type ContinuationEstimate,
  type DayCount,
  estimateContinuation,
  reportedAt,
} from './continuation-estimate.ts';
import {
  breakdownDayCounts,
  type DayCountRow,
  type Dimension,
  type GroupSizeRow,
  type ReportCohort,
} from './continuation-queries.ts';
import type { ContinuationGroupType, ContinuationRateType } from './continuation-report.types.ts';
import { isSmallCell, suppressedCells, withComplement } from './suppression.ts';

export type BreakdownDimension = Exclude<Dimension, 'ALL'>;

/** §8: the last day a rate is reported for (180); breakdowns need the follow-up up to it only. */
export const BREAKDOWN_HORIZON = Math.max(...CONTINUATION_REPORT_DAYS);

type RatesAt = Pick<ContinuationGroupType, 'rateAt90' | 'rateAt123' | 'rateAt180' | 'medianDays'>;

/**
 * The §8 figures of an estimate (all null for a suppressed or empty group, or a hidden survival);
 * a rate where too few are at risk is reported as not estimable (`reportedAt`).
 */
export function ratesOf(estimate: ContinuationEstimate | null): RatesAt {
  const at = (day: number): ContinuationRateType | null =>
    estimate === null ? null : reportedAt(estimate, day);
  const [day90 = 90, day123 = 123, day180 = 180] = CONTINUATION_REPORT_DAYS;
  return {
    rateAt90: at(day90),
    rateAt123: at(day123),
    rateAt180: at(day180),
    medianDays: estimate?.medianDays ?? null,
  };
}

/** The day counts of each group of a dimension, by key. */
export function countsByKey(rows: readonly DayCountRow[], dimension: Dimension): Map<string, DayCount[]> {
  const groups = new Map<string, DayCount[]>();
  for (const { dimension: of, key, day, discontinued, censored } of rows) {
    if (of !== dimension) continue;
    const counts = groups.get(key) ?? [];
    counts.push({ day, discontinued, censored });
    groups.set(key, counts);
  }
  return groups;
}

/** Yields to the event loop between groups, so a large report does not hold up other requests. */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Which groups' survival (rates, median) is hidden: a suppressed group's; a group whose discontinued
 * or censored trials are 1 to 4 patients — each Kaplan–Meier step is the number at risk times the
 * drop, so the rates and the median would give those counts away —; and, as the groups' discontinued
 * (and censored) trials add up to the report's, the smallest other group's when a lone group's would
 * otherwise follow from the report's curve minus the shown groups (or when the report's own survival
 * is hidden and every group's shown).
 */
export function survivalHiddenOf(
  groups: readonly GroupSizeRow[],
  groupHidden: readonly boolean[],
  reportSurvivalHidden: boolean,
): boolean[] {
  const hidden = groups.map(
    (group, index) =>
      (groupHidden[index] ?? true) ||
      isSmallCell(group.discontinuedPatients) ||
      isSmallCell(group.censoredPatients),
  );
  const cells = groups.map((group) => {
    const patients = Math.min(group.discontinuedPatients, group.censoredPatients);
    return { trials: patients, patients };
  });
  return withComplement(cells, hidden, reportSurvivalHidden);
}

/**
 * Continuation per group of one dimension, from the counts cut at BREAKDOWN_HORIZON. A group whose
 * median lies beyond the horizon (the rate is still above 0.5 there, with trials followed up
 * longer) is estimated again from its full follow-up, in one more query for all such groups.
 * Groups under the minimum size, and the ones that would give them away, are suppressed without
 * being estimated; so is the survival of the groups of `survivalHiddenOf`.
 */
export async function breakdown(
  reader: ReportReader,
  cohort: ReportCohort,
  dimension: BreakdownDimension,
  sizes: readonly GroupSizeRow[],
  horizonCounts: readonly DayCountRow[],
  labelOf: (key: string) => string,
  reportSurvivalHidden: boolean,
): Promise<ContinuationGroupType[]> {
  const counts = countsByKey(horizonCounts, dimension);
  const groups = sizes.filter((row) => row.dimension === dimension);
  // The groups add up to the report's total: a lone suppressed group takes the smallest other along.
  const groupHidden = suppressedCells(groups);
  const survivalHidden = survivalHiddenOf(groups, groupHidden, reportSurvivalHidden);
  const keysWhere = (flags: readonly boolean[]) =>
    new Set(groups.flatMap((group, index) => (flags[index] ? [group.key] : [])));
  const hidden = keysWhere(groupHidden);
  const survivalHiddenKeys = keysWhere(survivalHidden);
  const estimated = groups.filter((row) => !survivalHiddenKeys.has(row.key));
  const estimates = new Map<string, ContinuationEstimate | null>();
  const beyondHorizon: string[] = [];
  for (const { key } of estimated) {
    await breathe();
    const groupCounts = counts.get(key) ?? [];
    const estimate = estimateContinuation(groupCounts);
    estimates.set(key, estimate);
    if (estimate?.medianDays === null && groupCounts.some((count) => count.day > BREAKDOWN_HORIZON)) {
      beyondHorizon.push(key);
    }
  }
  if (beyondHorizon.length > 0) {
    const full = countsByKey(await breakdownDayCounts(reader, cohort, dimension, beyondHorizon), dimension);
    for (const key of beyondHorizon) {
      await breathe();
      estimates.set(key, estimateContinuation(full.get(key) ?? []));
    }
  }
  return groups.map((size) => {
    const base = { key: size.key, label: labelOf(size.key) };
    if (hidden.has(size.key)) {
      return {
        ...base,
        suppressed: true,
        survivalSuppressed: true,
        trialCount: null,
        patientCount: null,
        ...ratesOf(null),
      };
    }
    const survivalSuppressed = survivalHiddenKeys.has(size.key);
    return {
      ...base,
      suppressed: false,
      survivalSuppressed,
      trialCount: size.trials,
      patientCount: size.patients,
      ...ratesOf(survivalSuppressed ? null : (estimates.get(size.key) ?? null)),
    };
  });
}
