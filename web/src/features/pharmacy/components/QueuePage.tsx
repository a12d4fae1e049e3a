import { FORMULATIONS } from '@ldn/rules';
import { useId, useState } from 'react';
import { Badge } from '../../../components/ui/Badge.tsx';
import { PageHeader } from '../../../components/ui/Page.tsx';
import { EmptyState, QueryState } from '../../../components/ui/QueryState.tsx';
import { ScrollArea } from '../../../components/ui/ScrollArea.tsx';
import { orderStateTone } from '../../../components/ui/tones.ts';
import { formatDate, formatDateTime, humanize, patientName } from '../../../lib/format.ts';
import { Link, useNavigate, useSearchParam } from '../../../lib/router.tsx';
import { type OrderState, usePharmacyQueue } from '../api/queue.ts';

/** The filter choices: the open orders (the default), each state, or everything. */
export const QUEUE_FILTERS: ReadonlyArray<{ value: string; label: string; states: OrderState[] | null }> = [
  {
    value: 'open',
    label: 'Open orders',
    states: ['SUBMITTED', 'RECEIVED', 'COMPOUNDING', 'READY', 'ON_HOLD'],
  },
  ...(
    [
      'SUBMITTED',
      'RECEIVED',
      'COMPOUNDING',
      'READY',
      'ON_HOLD',
      'DISPENSED',
      'REJECTED',
      'CANCELLED',
    ] as const
  ).map((state) => ({ value: state, label: humanize(state), states: [state] })),
  { value: 'all', label: 'All orders', states: null },
];

/** The orders addressed to this pharmacy, filtered by state (kept in the address). */
export function QueuePage() {
  const navigate = useNavigate();
  const chosen = useSearchParam('state') ?? 'open';
  const filter = QUEUE_FILTERS.find((candidate) => candidate.value === chosen) ?? QUEUE_FILTERS[0]!;
  const selectId = useId();

  return (
    <>
      <PageHeader title="Order queue" subtitle="Orders addressed to your pharmacy." />
      <div className="field field-inline">
        <label htmlFor={selectId}>Show</label>
        <select
          id={selectId}
          value={filter.value}
          onChange={(event) =>
            navigate(
              event.target.value === 'open'
                ? '/pharmacy/queue'
                : `/pharmacy/queue?state=${event.target.value}`,
            )
          }
        >
          {QUEUE_FILTERS.map((candidate) => (
            <option key={candidate.value} value={candidate.value}>
              {candidate.label}
            </option>
          ))}
        </select>
      </div>
      <QueueList key={filter.value} states={filter.states} />
    </>
  );
}

/** The first page of the filtered queue, then each page asked for (a new filter starts over). */
function QueueList({ states }: { states: OrderState[] | null }) {
  const [cursors, setCursors] = useState<string[]>([]);
  return (
    <>
      <QueueResults
        states={states}
        after={null}
        isLast={cursors.length === 0}
        onMore={(cursor) => setCursors([cursor])}
      />
      {cursors.map((cursor, index) => (
        <QueueResults
          key={cursor}
          states={states}
          after={cursor}
          isLast={index === cursors.length - 1}
          onMore={(next) => setCursors((previous) => [...previous, next])}
        />
      ))}
    </>
  );
}

function QueueResults({
  states,
  after,
  isLast,
  onMore,
}: {
  states: OrderState[] | null;
  after: string | null;
  isLast: boolean;
  onMore: (cursor: string) => void;
}) {
  const [result, refetch] = usePharmacyQueue(states, after);
  return (
    <QueryState
      result={result}
      loadingLabel="Loading the queue…"
      onRetry={() => refetch({ requestPolicy: 'network-only' })}
    >
      {({ pharmacyQueue }) => (
        <>
          {after === null && pharmacyQueue.edges.length === 0 && (
            <EmptyState>No order in this view.</EmptyState>
          )}
          {pharmacyQueue.edges.length > 0 && (
            <ScrollArea label={after === null ? 'Orders' : 'More orders'}>
              <table className="table">
                <thead className={after === null ? undefined : 'visually-hidden'}>
                  <tr>
                    <th scope="col">Patient</th>
                    <th scope="col">State</th>
                    <th scope="col">Submitted</th>
                    <th scope="col">Clinic</th>
                    <th scope="col">Preparation</th>
                    <th scope="col">Delivery</th>
                  </tr>
                </thead>
                <tbody>
                  {pharmacyQueue.edges.map(({ node }) => (
                    <tr key={node.id}>
                      <td>
                        <Link to={`/pharmacy/orders/${node.id}`}>{patientName(node.patient)}</Link>
                        <span className="muted small"> born {formatDate(node.patient.dateOfBirth)}</span>
                      </td>
                      <td>
                        <Badge value={node.state} tone={orderStateTone(node.state)} />
                      </td>
                      <td>{formatDateTime(node.submittedAt)}</td>
                      <td>{node.clinicName}</td>
                      <td>
                        {humanize(node.kind)}, {FORMULATIONS[node.formulation].label.toLowerCase()}
                      </td>
                      <td>{humanize(node.delivery)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollArea>
          )}
          {isLast && pharmacyQueue.hasNextPage && pharmacyQueue.endCursor !== null && (
            <button
              type="button"
              className="button-secondary"
              onClick={() => onMore(pharmacyQueue.endCursor as string)}
            >
              Show more orders
            </button>
          )}
        </>
      )}
    </QueryState>
  );
}
