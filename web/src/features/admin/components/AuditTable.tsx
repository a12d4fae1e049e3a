import { EmptyState } from '../../../components/ui/QueryState.tsx';
import { ScrollArea } from '../../../components/ui/ScrollArea.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import type { AuditEntry } from '../api/audit-log.ts';
import { type AuditRow, describeRow, rowsOf } from '../audit-description.ts';

/** The records a row names: one id, or a request's lists, their ids on request. */
function RowRecords({ row }: { row: AuditRow }) {
  const listed = row.entries.filter((entry) => entry.entityIds.length > 0);
  const [entry] = row.entries;
  if (listed.length === 0) {
    return (
      <>
        {entry?.entity}
        {entry?.entityId != null && <code className="block small">{entry.entityId}</code>}
      </>
    );
  }
  const count = listed.reduce((total, list) => total + list.entityIds.length, 0);
  return (
    <details>
      <summary className="small">
        {count} {count === 1 ? 'record' : 'records'}
      </summary>
      {listed.map((list) => (
        <div key={list.id}>
          {list.entity}
          {list.entityIds.map((id) => (
            <code key={id} className="block small">
              {id}
            </code>
          ))}
        </div>
      ))}
    </details>
  );
}

/**
 * A page of audit entries in words: when, what happened (who, what, which kind of record), which
 * organisation, which record (by id), which request. A request's lists are one row.
 */
export function AuditTable({
  entries,
  searchedMrn,
}: {
  entries: readonly AuditEntry[];
  /** The MRN the administrator searched by, if any: every row on the page is about that patient. */
  searchedMrn: string | null;
}) {
  if (entries.length === 0) return <EmptyState>No entries match these filters.</EmptyState>;
  return (
    <ScrollArea label="Audit entries">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">What happened</th>
            <th scope="col">Organisation</th>
            <th scope="col">Record</th>
            <th scope="col">Request</th>
          </tr>
        </thead>
        <tbody>
          {rowsOf(entries).map((row) => {
            const [entry] = row.entries;
            if (entry === undefined) return null;
            return (
              <tr key={row.key}>
                <td>
                  <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
                </td>
                <td>
                  {describeRow(row, searchedMrn)}
                  <code className="block small">{entry.action}</code>
                </td>
                <td>{entry.organisationName ?? '—'}</td>
                <td>
                  <RowRecords row={row} />
                </td>
                <td>{entry.requestId === null ? '—' : <code className="small">{entry.requestId}</code>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollArea>
  );
}
