import { EmptyState } from '../../../components/ui/QueryState.tsx';
import { ScrollArea } from '../../../components/ui/ScrollArea.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import type { AuditEntry } from '../api/audit-log.ts';

/** A page of audit entries: when, who, which organisation, what, which record (by id). */
export function AuditTable({ entries }: { entries: readonly AuditEntry[] }) {
  if (entries.length === 0) return <EmptyState>No entries match these filters.</EmptyState>;
  return (
    <ScrollArea label="Audit entries">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Person</th>
            <th scope="col">Organisation</th>
            <th scope="col">Action</th>
            <th scope="col">Record</th>
            <th scope="col">Request</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id}>
              <td>
                <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
              </td>
              <td>{entry.actorId === null ? 'System' : (entry.actorName ?? entry.actorId)}</td>
              <td>{entry.organisationName ?? '—'}</td>
              <td>
                <code>{entry.action}</code>
              </td>
              <td>
                {entry.entity}
                {entry.entityId !== null && <code className="block small">{entry.entityId}</code>}
                {entry.entityIds.length > 0 && (
                  <details>
                    <summary className="small">
                      {entry.entityIds.length} {entry.entityIds.length === 1 ? 'record' : 'records'}
                    </summary>
                    {entry.entityIds.map((id) => (
                      <code key={id} className="block small">
                        {id}
                      </code>
                    ))}
                  </details>
                )}
              </td>
              <td>{entry.requestId === null ? '—' : <code className="small">{entry.requestId}</code>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollArea>
  );
}
