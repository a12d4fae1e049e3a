import type { Condition } from '@ldn/db';
import {
  CONDITION_CODES,
  CONDITIONS,
  type ConditionCode,
  MINIMUM_AT_RISK,
  numbersAtRiskDays,
} from '@ldn/rules';
import type { AnalyticsRepository, ReportReader } from './analytics-repository.ts';
import { BREAKDOWN_HORIZON, breakdown, countsByKey, ratesOf } from './continuation-breakdown.ts';
import { type ContinuationEstimate, estimateContinuation } from './continuation-estimate.ts';
import { outcomeFigures, REFERENCE } from './continuation-outcomes.ts';
import { groupLabels, type ReportCohort, reportCounts } from './continuation-queries.ts';
import type { ContinuationGroupType, ContinuationReportType } from './continuation-report.types.ts';
import { countAs, isSmallGroup, MINIMUM_GROUP_PATIENTS, suppressedCells } from './suppression.ts';

export const CONFIDENCE_INTERVAL_METHOD =
  'Kaplan–Meier 95 % interval: Greenwood variance on the log-log scale (S^exp(±1.96·√Σd/(n(n−d)) / |ln S|)).';

const conditionLabel = (key: string) => (key in CONDITIONS ? CONDITIONS[key as ConditionCode].label : key);
const conditionOrder = (a: ContinuationGroupType, b: ContinuationGroupType) =>
  CONDITION_CODES.indexOf(a.key as ConditionCode) - CONDITION_CODES.indexOf(b.key as ConditionCode);
const byLabel = (a: ContinuationGroupType, b: ContinuationGroupType) =>
  a.label.localeCompare(b.label) || a.key.localeCompare(b.key);

type Suppressible = Omit<ContinuationReportType, keyof ReturnType<typeof headerOf>>;

const SUPPRESSED: Suppressible = {
  suppressed: true,
  survivalSuppressed: true,
  trialCount: null,
  patientCount: null,
  discontinuedCount: null,
  censoredCount: null,
  ...ratesOf(null),
  ...shownCurve(null),
  byCondition: [],
  byClinic: [],
  byPrescriber: [],
  discontinuationReasons: [],
  responseClasses: [],
  assessedCount: null,
  meanPainChange: null,
  adverseEffectRate: null,
};

function headerOf(cohort: ReportCohort, computedAt: Date) {
  return {
    asOf: cohort.asOf,
    computedAt,
    filter: {
      startedFrom: cohort.startedFrom,
      startedTo: cohort.startedTo,
      conditions: cohort.conditions as Condition[],
      clinicIds: cohort.clinicIds,
      prescriberIds: cohort.prescriberIds,
    },
    minimumGroupSize: MINIMUM_GROUP_PATIENTS,
    minimumAtRisk: MINIMUM_AT_RISK,
    confidenceIntervalMethod: CONFIDENCE_INTERVAL_METHOD,
    reference: REFERENCE,
  };
}

/**
 * The curve as shown: its event points, censoring marks and numbers at risk every 30 days, up to
 * the longest follow-up that still has at least the minimum group size at risk — the tail where
 * fewer remain would describe those few patients (privacy; a rate there is also not estimable).
 */
function shownCurve(
  estimate: ContinuationEstimate | null,
): Pick<ContinuationReportType, 'curve' | 'censorings' | 'followUpDays' | 'numbersAtRisk'> {
  if (estimate === null) return { curve: [], censorings: [], followUpDays: null, numbersAtRisk: [] };
  const shown = <T extends { atRisk: number }>(points: readonly T[]) =>
    points.filter((point) => point.atRisk >= MINIMUM_GROUP_PATIENTS);
  const curve = shown(estimate.curve);
  const censorings = shown(estimate.censorings);
  const followUpDays = Math.max(0, ...curve.map((point) => point.day), ...censorings.map((mark) => mark.day));
  return {
    curve,
    censorings: censorings.map(({ day, rate, censored }) => ({ day, rate, censored })),
    followUpDays,
    numbersAtRisk: numbersAtRiskDays(followUpDays).map((day) => ({ day, atRisk: estimate.atRiskAt(day) })),
  };
}

/**
 * §8 continuation report of a cohort, from one snapshot: the database aggregates (counts only,
 * never a row per trial), the rules package estimates from the counts (`continuationFromCounts`), this
 * module adds Greenwood intervals, labels, suppression and the not-estimable rule. The figures are
 * computed once per version of the kept counts and cohort (`atCountsVersion`: identical reports,
 * concurrent or not, cost one); the clinics' and prescribers' names, which that version does not
 * follow, are read for each report.
 */
export async function continuationReport(
  scope: AnalyticsRepository,
  cohort: ReportCohort,
  computedAt: Date,
): Promise<ContinuationReportType> {
  const header = headerOf(cohort, computedAt);
  const figures = await scope.atCountsVersion(`continuation ${JSON.stringify(cohort)}`, () =>
    scope.snapshot((reader) => figuresOf(reader, cohort)),
  );
  if (figures.suppressed) return { ...header, ...figures };
  const labels = await scope.read((client) =>
    groupLabels(
      client,
      figures.byClinic.map((group) => group.key),
      figures.byPrescriber.map((group) => group.key),
    ),
  );
  const named = (
    groups: readonly ContinuationGroupType[],
    names: ReadonlyMap<string, string>,
    unknown: string,
  ) => groups.map((group) => ({ ...group, label: names.get(group.key) ?? unknown })).sort(byLabel);
  return {
    ...header,
    ...figures,
    byClinic: named(figures.byClinic, labels.clinics, 'Unknown clinic'),
    byPrescriber: named(figures.byPrescriber, labels.prescribers, 'Unknown prescriber'),
  };
}

/**
 * The report's figures from the counts of one snapshot: clinics and prescribers still unnamed
 * (labelled by their key) and unsorted. Shared between reports: never changed once made.
 */
async function figuresOf(reader: ReportReader, cohort: ReportCohort): Promise<Suppressible> {
  const {
    days,
    horizonDays,
    sizes,
    outcomes: outcomeRows,
  } = await reportCounts(reader, cohort, BREAKDOWN_HORIZON);
  const whole = sizes.find((row) => row.dimension === 'ALL');
  if (whole === undefined || isSmallGroup(whole.patients)) return SUPPRESSED;

  const estimate = estimateContinuation(countsByKey(days, 'ALL').get('') ?? []);
  // Discontinued and censored trials add up to the shown total: one is hidden only with the other.
  const [discontinuedHidden = true, censoredHidden = true] = suppressedCells([
    { trials: estimate?.discontinuedCount ?? 0, patients: whole.discontinuedPatients },
    { trials: estimate?.censoredCount ?? 0, patients: whole.censoredPatients },
  ]);
  // The curve, rates and median give the discontinued (and so the censored) count away: hidden with it.
  const survivalHidden = discontinuedHidden || censoredHidden;
  const shownEstimate = survivalHidden ? null : estimate;
  const groupsOf = (dimension: 'CONDITION' | 'CLINIC' | 'PRESCRIBER', labelOf: (key: string) => string) =>
    breakdown(reader, cohort, dimension, sizes, horizonDays, labelOf, survivalHidden);
  const byKey = (key: string) => key;
  return {
    suppressed: false,
    survivalSuppressed: survivalHidden,
    trialCount: whole.trials,
    patientCount: whole.patients,
    discontinuedCount: countAs(estimate?.discontinuedCount ?? 0, discontinuedHidden).count,
    censoredCount: countAs(estimate?.censoredCount ?? 0, censoredHidden).count,
    ...ratesOf(shownEstimate),
    ...shownCurve(shownEstimate),
    byCondition: (await groupsOf('CONDITION', conditionLabel)).sort(conditionOrder),
    byClinic: await groupsOf('CLINIC', byKey),
    byPrescriber: await groupsOf('PRESCRIBER', byKey),
    ...outcomeFigures(outcomeRows, discontinuedHidden),
  };
}
