import { Badge } from '../../../components/ui/Badge.tsx';
import { EmptyState } from '../../../components/ui/QueryState.tsx';
import { ScrollArea } from '../../../components/ui/ScrollArea.tsx';
import { humanize } from '../../../lib/format.ts';
import type { ContinuationGroup, ContinuationRate, ContinuationReport } from '../api/continuation-report.ts';

const SUPPRESSED = <Badge value="SUPPRESSED" label="suppressed" />;

/** A rate as a whole percentage; "not estimable" (with its number at risk) when too few are at risk. */
function percent(point: ContinuationRate | null): string {
  if (point === null) return '—';
  return point.rate === null
    ? `Not estimable (${point.atRisk} at risk)`
    : `${Math.round(point.rate * 100)} %`;
}

/** Continuation of each condition, clinic or prescriber; small groups show only "suppressed", and
 * groups whose rates would reveal a small count show "suppressed" in place of them. */
export function GroupTable({ title, groups }: { title: string; groups: readonly ContinuationGroup[] }) {
  if (groups.length === 0) return <EmptyState>No {title.toLowerCase()} in this selection.</EmptyState>;
  return (
    <ScrollArea label={`Continuation by ${title.toLowerCase()}`}>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{title}</th>
            <th scope="col">Patients</th>
            <th scope="col">Trials</th>
            <th scope="col">At 90 days</th>
            <th scope="col">At 123 days</th>
            <th scope="col">At 180 days</th>
            <th scope="col">Median days</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((group) => (
            <tr key={group.key}>
              <th scope="row">{group.label}</th>
              {group.suppressed ? (
                <td colSpan={6}>{SUPPRESSED}</td>
              ) : (
                <>
                  <td>{group.patientCount ?? '—'}</td>
                  <td>{group.trialCount ?? '—'}</td>
                  {group.survivalSuppressed ? (
                    // The rates and the median would reveal fewer than 5 who stopped or go on.
                    <td colSpan={4}>{SUPPRESSED}</td>
                  ) : (
                    <>
                      <td>{percent(group.rateAt90)}</td>
                      <td>{percent(group.rateAt123)}</td>
                      <td>{percent(group.rateAt180)}</td>
                      <td>{group.medianDays ?? 'Not reached'}</td>
                    </>
                  )}
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollArea>
  );
}

/** A count with a bar proportional to the largest count; suppressed cells show no number. */
function CountCell({
  count,
  suppressed,
  largest,
}: {
  count: number | null;
  suppressed: boolean;
  largest: number;
}) {
  if (suppressed || count === null) return <td>{SUPPRESSED}</td>;
  const width = largest > 0 ? (count / largest) * 100 : 0;
  return (
    <td>
      <span style={{ display: 'inline-flex', alignItems: 'center', gap: '0.5rem', width: '100%' }}>
        <span style={{ minWidth: '2.5rem' }}>{count}</span>
        <span
          aria-hidden="true"
          style={{
            display: 'inline-block',
            height: '0.75rem',
            width: `${width}%`,
            maxWidth: '12rem',
            background: '#0b5cad',
          }}
        />
      </span>
    </td>
  );
}

function largestCount(rows: ReadonlyArray<{ count: number | null }>): number {
  return Math.max(0, ...rows.map((row) => row.count ?? 0));
}

/** Why trials ended, as counts with bars. */
export function ReasonsTable({ reasons }: { reasons: ContinuationReport['discontinuationReasons'] }) {
  if (reasons.length === 0) return <EmptyState>No trial in this selection was discontinued.</EmptyState>;
  const largest = largestCount(reasons);
  return (
    <table className="table">
      <caption className="visually-hidden">Discontinuation reasons</caption>
      <thead>
        <tr>
          <th scope="col">Reason</th>
          <th scope="col">Trials</th>
        </tr>
      </thead>
      <tbody>
        {reasons.map((row) => (
          <tr key={row.reason}>
            <th scope="row">{row.label}</th>
            <CountCell count={row.count} suppressed={row.suppressed} largest={largest} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The latest response class of each assessed trial, as counts with bars. */
export function ResponseClassesTable({ classes }: { classes: ContinuationReport['responseClasses'] }) {
  if (classes.length === 0) return <EmptyState>No trial in this selection has been assessed.</EmptyState>;
  const largest = largestCount(classes);
  return (
    <table className="table">
      <caption className="visually-hidden">Response classes</caption>
      <thead>
        <tr>
          <th scope="col">Response</th>
          <th scope="col">Trials</th>
        </tr>
      </thead>
      <tbody>
        {classes.map((row) => (
          <tr key={row.responseClass}>
            <th scope="row">{humanize(row.responseClass)}</th>
            <CountCell count={row.count} suppressed={row.suppressed} largest={largest} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}
