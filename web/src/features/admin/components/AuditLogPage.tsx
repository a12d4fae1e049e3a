import { useState } from 'react';
import { PageHeader, Section } from '../../../components/ui/Page.tsx';
import { QueryState } from '../../../components/ui/QueryState.tsx';
import { useAuditLog } from '../api/audit-log.ts';
import { type AuditFilterValues, auditFilterOf, NO_AUDIT_FILTER } from '../audit-filter.ts';
import { AuditFilters } from './AuditFilters.tsx';
import { AuditTable } from './AuditTable.tsx';

/**
 * The audit log, newest first, a page at a time: who did what to which record, when. Record ids
 * only — the API never answers a patient's name here.
 */
export function AuditLogPage() {
  const [filter, setFilter] = useState<AuditFilterValues>(NO_AUDIT_FILTER);
  // The cursors of the pages before this one: the last is where this page starts.
  const [cursors, setCursors] = useState<readonly string[]>([]);
  const after = cursors.at(-1) ?? null;
  const apiFilter = auditFilterOf(filter);
  const [result, refetch] = useAuditLog(apiFilter, after);

  const apply = (values: AuditFilterValues) => {
    setFilter(values);
    setCursors([]);
  };

  return (
    <>
      <PageHeader
        title="Audit log"
        subtitle="Every read and change, newest first. Patients by MRN, never by name."
      />
      <Section title="Filters">
        <AuditFilters initial={filter} onApply={apply} />
      </Section>
      <Section title="Entries">
        <QueryState
          result={result}
          loadingLabel="Loading the audit log…"
          onRetry={() => refetch({ requestPolicy: 'network-only' })}
        >
          {({ auditLog }) => (
            <>
              <AuditTable
                entries={auditLog.edges.map((edge) => edge.node)}
                searchedMrn={apiFilter.patient?.mrn ?? null}
              />
              <nav className="pager" aria-label="Audit log pages">
                <button
                  type="button"
                  className="button-secondary"
                  disabled={cursors.length === 0 || result.fetching}
                  onClick={() => setCursors(cursors.slice(0, -1))}
                >
                  Newer entries
                </button>
                <span>Page {cursors.length + 1}</span>
                <button
                  type="button"
                  className="button-secondary"
                  disabled={
                    !auditLog.pageInfo.hasNextPage || auditLog.pageInfo.endCursor === null || result.fetching
                  }
                  onClick={() => {
                    const { endCursor } = auditLog.pageInfo;
                    if (endCursor !== null) setCursors([...cursors, endCursor]);
                  }}
                >
                  Older entries
                </button>
              </nav>
            </>
          )}
        </QueryState>
      </Section>
    </>
  );
}
