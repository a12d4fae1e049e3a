import { CONTINUATION_REPORT_DAYS } from '@ldn/rules';
import type {
  ContinuationGroupType,
  ContinuationPointType,
  ContinuationRateType,
  ContinuationReportCsvType,
  ContinuationReportType,
} from './continuation-report.types.ts';

// The continuation report as one long CSV table (RFC 4180, CRLF): a few `#` comment lines with the
// filter, the dates and the method, then one row per figure. Suppressed figures read "suppressed"
// (privacy); a rate with too few at risk reads "not estimable" (statistics), its number at risk kept.

export const CSV_COLUMNS = [
  'section',
  'group',
  'key',
  'label',
  'measure',
  'day',
  'value',
  'lower',
  'upper',
  'at_risk',
] as const;

type Row = Partial<Record<(typeof CSV_COLUMNS)[number], string | number | null>>;

const SUPPRESSED = 'suppressed';
const NOT_ESTIMABLE = 'not estimable';

/** One CSV field: quoted when needed, and never read as a formula by a spreadsheet. */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const rounded = (value: number | null) => (value === null ? null : Number(value.toFixed(6)));

function pointRow(
  base: Row,
  measure: string,
  point: ContinuationPointType | ContinuationRateType | null,
): Row {
  if (point === null) return { ...base, measure, value: SUPPRESSED };
  if (point.rate === null)
    return { ...base, measure, day: point.day, value: NOT_ESTIMABLE, at_risk: point.atRisk };
  return {
    ...base,
    measure,
    day: point.day,
    value: rounded(point.rate),
    lower: rounded(point.lower ?? null),
    upper: rounded(point.upper ?? null),
    at_risk: point.atRisk,
  };
}

function groupRows(section: string, group: string, entry: ContinuationGroupType): Row[] {
  const base: Row = { section, group, key: entry.key, label: entry.label };
  if (entry.suppressed) return [{ ...base, measure: 'trials', value: SUPPRESSED }];
  return [
    { ...base, measure: 'trials', value: entry.trialCount },
    { ...base, measure: 'patients', value: entry.patientCount },
    ...survivalRows(base, entry),
  ];
}

type Survival = Pick<
  ContinuationGroupType,
  'survivalSuppressed' | 'rateAt90' | 'rateAt123' | 'rateAt180' | 'medianDays'
>;

/** The rates and the median; one "suppressed" row each when they would reveal a suppressed count. */
function survivalRows(base: Row, entry: Survival): Row[] {
  if (entry.survivalSuppressed) {
    return [
      ...CONTINUATION_REPORT_DAYS.map((day) => ({ ...base, measure: 'rate', day, value: SUPPRESSED })),
      { ...base, measure: 'median_days', value: SUPPRESSED },
    ];
  }
  return [
    pointRow(base, 'rate', entry.rateAt90),
    pointRow(base, 'rate', entry.rateAt123),
    pointRow(base, 'rate', entry.rateAt180),
    { ...base, measure: 'median_days', value: entry.medianDays },
  ];
}

const countValue = (count: number | null, suppressed: boolean) => (suppressed ? SUPPRESSED : count);

function rowsOf(report: ContinuationReportType): Row[] {
  const all: Row = { section: 'continuation', group: 'all', key: 'all', label: 'All trials' };
  if (report.suppressed) return [{ ...all, measure: 'trials', value: SUPPRESSED }];
  const outcome = (measure: string, value: string | number | null): Row => ({
    section: 'outcomes',
    group: 'all',
    key: 'all',
    label: 'All trials',
    measure,
    value,
  });
  return [
    { ...all, measure: 'trials', value: report.trialCount },
    { ...all, measure: 'patients', value: report.patientCount },
    { ...all, measure: 'discontinued', value: report.discontinuedCount ?? SUPPRESSED },
    { ...all, measure: 'censored', value: report.censoredCount ?? SUPPRESSED },
    ...survivalRows(all, report),
    ...(report.survivalSuppressed
      ? [{ ...all, section: 'curve', measure: 'rate', value: SUPPRESSED }]
      : [
          ...report.curve.map((point) => pointRow({ ...all, section: 'curve' }, 'rate', point)),
          ...report.censorings.map((mark) => ({
            ...all,
            section: 'curve',
            measure: 'censored',
            day: mark.day,
            value: mark.censored,
          })),
          ...report.numbersAtRisk.map(({ day, atRisk }) => ({
            ...all,
            section: 'numbers_at_risk',
            measure: 'at_risk',
            day,
            value: atRisk,
            at_risk: atRisk,
          })),
        ]),
    ...report.byCondition.flatMap((entry) => groupRows('continuation', 'condition', entry)),
    ...report.byClinic.flatMap((entry) => groupRows('continuation', 'clinic', entry)),
    ...report.byPrescriber.flatMap((entry) => groupRows('continuation', 'prescriber', entry)),
    ...report.discontinuationReasons.map((entry) => ({
      section: 'discontinuation_reasons',
      group: 'reason',
      key: entry.reason,
      label: entry.label,
      measure: 'trials',
      value: countValue(entry.count, entry.suppressed),
    })),
    ...report.responseClasses.map((entry) => ({
      section: 'response_classes',
      group: 'response_class',
      key: entry.responseClass,
      label: entry.responseClass,
      measure: 'trials',
      value: countValue(entry.count, entry.suppressed),
    })),
    outcome('assessed_trials', report.assessedCount ?? SUPPRESSED),
    outcome('mean_pain_change', rounded(report.meanPainChange) ?? SUPPRESSED),
    outcome('adverse_effect_rate', rounded(report.adverseEffectRate) ?? SUPPRESSED),
    ...Object.entries(report.reference).map(([measure, figure]) => ({
      section: 'reference',
      group: 'evidence',
      key: figure.evidence.join(' '),
      label: 'Reference figure (clinical-rules.md §8)',
      measure,
      value: figure.value,
    })),
  ];
}

const list = (values: readonly string[]) => (values.length === 0 ? 'all' : values.join(' '));

/** The report as a downloadable CSV, with the filter and the dates in `#` header lines. */
export function continuationCsv(report: ContinuationReportType): ContinuationReportCsvType {
  const { filter } = report;
  const header = [
    '# LDN continuation report (clinical-rules.md §8), de-identified',
    `# as of: ${report.asOf} (active trials censored at this date)`,
    `# computed at: ${report.computedAt.toISOString()}`,
    `# filter: started from ${filter.startedFrom ?? 'any'}; started to ${filter.startedTo ?? 'any'}; ` +
      `conditions ${list(filter.conditions)}; clinics ${list(filter.clinicIds)}; prescribers ${list(filter.prescriberIds)}`,
    `# ${report.confidenceIntervalMethod}`,
    `# groups and counts of fewer than ${report.minimumGroupSize} patients are suppressed, and those that would reveal them`,
    `# a rate at a day with fewer than ${report.minimumAtRisk} trials at risk reads "${NOT_ESTIMABLE}" (too few to estimate)`,
  ];
  const lines = [
    ...header,
    CSV_COLUMNS.join(','),
    ...rowsOf(report).map((row) => CSV_COLUMNS.map((column) => csvField(row[column])).join(',')),
  ];
  return {
    filename: `ldn-continuation-${report.asOf}.csv`,
    contentType: 'text/csv',
    content: `${lines.join('\r\n')}\r\n`,
  };
}
