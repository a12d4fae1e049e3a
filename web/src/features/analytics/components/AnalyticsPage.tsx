import { useEffect, useState } from 'react';
import { PageHeader, Section } from '../../../components/ui/Page.tsx';
import { EmptyState, QueryState } from '../../../components/ui/QueryState.tsx';
import { formatDate, formatDateTime } from '../../../lib/format.ts';
import {
  type ContinuationFilter,
  type ContinuationReport,
  useContinuationReport,
} from '../api/continuation-report.ts';
import { GroupTable, ReasonsTable, ResponseClassesTable } from './BreakdownTables.tsx';
import { ContinuationChart } from './ContinuationChart.tsx';
import { CsvDownloadButton } from './CsvDownloadButton.tsx';
import { HeadlineFigures } from './HeadlineFigures.tsx';
import { ReportExplainer } from './ReportExplainer.tsx';
import { type ClinicOption, ReportFilters } from './ReportFilters.tsx';

/** The administrators' analytics: continuation of LDN across the network (clinical-rules §8). */
export function AnalyticsPage() {
  const [filter, setFilter] = useState<ContinuationFilter>({});
  const [result, refetch] = useContinuationReport(filter);
  const clinics = useClinicsSeen(result.data?.continuationReport);
  return (
    <>
      <PageHeader
        title="Analytics"
        subtitle="Continuation of LDN, response classes and reasons across clinics; de-identified."
        actions={<CsvDownloadButton filter={filter} />}
      />
      <Section title="Filters">
        <ReportFilters clinics={clinics} onApply={setFilter} />
      </Section>
      <QueryState
        result={result}
        loadingLabel="Computing the continuation report…"
        onRetry={() => refetch({ requestPolicy: 'network-only' })}
      >
        {({ continuationReport }) => <ReportView report={continuationReport} />}
      </QueryState>
    </>
  );
}

/**
 * The clinics the filter can offer: every clinic any report so far has listed (a report filtered
 * to one clinic lists only that one, so the list is kept, not replaced).
 */
function useClinicsSeen(report: ContinuationReport | undefined): ClinicOption[] {
  const [clinics, setClinics] = useState<ClinicOption[]>([]);
  useEffect(() => {
    if (report === undefined) return;
    setClinics((seen) => {
      const known = new Set(seen.map((clinic) => clinic.id));
      const added = report.byClinic
        .filter((group) => !known.has(group.key))
        .map((group) => ({ id: group.key, label: group.label }));
      return added.length > 0 ? [...seen, ...added].sort((a, b) => a.label.localeCompare(b.label)) : seen;
    });
  }, [report]);
  return clinics;
}

function ReportView({ report }: { report: ContinuationReport }) {
  return (
    <>
      <p className="muted">
        As of {formatDate(report.asOf)} (computed {formatDateTime(report.computedAt)}).
      </p>
      <ReportExplainer report={report} />
      {report.suppressed ? (
        <EmptyState>
          Too few patients match these filters to show any figure (fewer than {report.minimumGroupSize}).
          Widen the filters.
        </EmptyState>
      ) : (
        <>
          <Section title="Headline figures">
            <HeadlineFigures report={report} />
          </Section>
          <Section title="Continuation curve">
            {report.survivalSuppressed ? (
              <EmptyState>
                Curve suppressed (fewer than {report.minimumGroupSize}): it would reveal how many stopped or
                go on.
              </EmptyState>
            ) : report.curve.length > 0 ? (
              <ContinuationChart
                curve={report.curve}
                censorings={report.censorings}
                followUpDays={report.followUpDays}
                numbersAtRisk={report.numbersAtRisk}
                medianDays={report.medianDays}
              />
            ) : (
              <EmptyState>No curve: too few trials at risk.</EmptyState>
            )}
          </Section>
          <Section title="By condition">
            <GroupTable title="Condition" groups={report.byCondition} />
          </Section>
          <Section title="By clinic">
            <GroupTable title="Clinic" groups={report.byClinic} />
          </Section>
          <Section title="By prescriber">
            <GroupTable title="Prescriber" groups={report.byPrescriber} />
          </Section>
          <Section title="Discontinuation reasons">
            <ReasonsTable reasons={report.discontinuationReasons} />
          </Section>
          <Section title="Response classes">
            <ResponseClassesTable classes={report.responseClasses} />
          </Section>
        </>
      )}
    </>
  );
}
