import { FORMULATIONS } from '@ldn/rules';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { Badge } from '../../../components/ui/Badge.tsx';
import { PageHeader } from '../../../components/ui/Page.tsx';
import { EmptyState, QueryState } from '../../../components/ui/QueryState.tsx';
import { ScrollArea } from '../../../components/ui/ScrollArea.tsx';
import { orderStateTone } from '../../../components/ui/tones.ts';
import { formatDate, formatDateTime, formatRxNumber, humanize, patientName } from '../../../lib/format.ts';
import { Link, useNavigate, useSearchParam } from '../../../lib/router.tsx';
import { type OrderState, usePharmacyQueue } from '../api/queue.ts';
import './queue.css';

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

/** The queue's address for a filter and a search (the defaults left out). */
export function queuePath(filter: string, search: string): string {
  const params = new URLSearchParams();
  if (filter !== 'open') params.set('state', filter);
  if (search !== '') params.set('q', search);
  const query = params.toString();
  return query === '' ? '/pharmacy/queue' : `/pharmacy/queue?${query}`;
}

/**
 * The orders addressed to this pharmacy, filtered by state and searched by Rx number, patient name
 * or date of birth (both kept in the address, so a view can be shared and kept).
 */
export function QueuePage() {
  const navigate = useNavigate();
  const chosen = useSearchParam('state') ?? 'open';
  const search = useSearchParam('q') ?? '';
  const filter = QUEUE_FILTERS.find((candidate) => candidate.value === chosen) ?? QUEUE_FILTERS[0]!;
  const selectId = useId();
  const searchId = useId();
  const [draft, setDraft] = useState(search);
  // Back and forward change the search: the field follows.
  useEffect(() => setDraft(search), [search]);

  const onSearch = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    navigate(queuePath(filter.value, draft.trim()));
  };

  return (
    <>
      <PageHeader title="Order queue" subtitle="Orders addressed to your pharmacy." />
      <search>
        <form className="search-form" onSubmit={onSearch}>
          <div className="field">
            <label htmlFor={searchId}>Search orders</label>
            <input
              id={searchId}
              type="search"
              value={draft}
              onChange={(event) => setDraft(event.target.value)}
              aria-describedby={`${searchId}-hint`}
            />
            <p id={`${searchId}-hint`} className="hint">
              Rx number, patient name or date of birth (YYYY-MM-DD).
            </p>
          </div>
          <button type="submit">Search</button>
        </form>
      </search>
      <div className="field field-inline">
        <label htmlFor={selectId}>Show</label>
        <select
          id={selectId}
          value={filter.value}
          onChange={(event) => navigate(queuePath(event.target.value, search))}
        >
          {QUEUE_FILTERS.map((candidate) => (
            <option key={candidate.value} value={candidate.value}>
              {candidate.label}
            </option>
          ))}
        </select>
      </div>
      <QueueList key={`${filter.value}\n${search}`} states={filter.states} search={search} />
    </>
  );
}

/** The first page of the filtered queue, then each page asked for (a new filter starts over). */
function QueueList({ states, search }: { states: OrderState[] | null; search: string }) {
  const [cursors, setCursors] = useState<string[]>([]);
  return (
    <>
      <QueueResults
        states={states}
        search={search}
        after={null}
        isLast={cursors.length === 0}
        onMore={(cursor) => setCursors([cursor])}
      />
      {cursors.map((cursor, index) => (
        <QueueResults
          key={cursor}
          states={states}
          search={search}
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
  search,
  after,
  isLast,
  onMore,
}: {
  states: OrderState[] | null;
  search: string;
  after: string | null;
  isLast: boolean;
  onMore: (cursor: string) => void;
}) {
  const [result, refetch] = usePharmacyQueue(states, search === '' ? null : search, after);
  return (
    <QueryState
      result={result}
      loadingLabel="Loading the queue…"
      onRetry={() => refetch({ requestPolicy: 'network-only' })}
    >
      {({ pharmacyQueue }) => (
        <>
          {after === null && <QueueCounts counts={pharmacyQueue.counts} search={search} />}
          {after === null && pharmacyQueue.edges.length === 0 && (
            <EmptyState>No order in this view.</EmptyState>
          )}
          {pharmacyQueue.edges.length > 0 && (
            <ScrollArea label={after === null ? 'Orders' : 'More orders'}>
              <table className="table">
                <thead className={after === null ? undefined : 'visually-hidden'}>
                  <tr>
                    <th scope="col">Rx</th>
                    <th scope="col">Patient</th>
                    <th scope="col">State</th>
                    <th scope="col">Need by</th>
                    <th scope="col">Submitted</th>
                    <th scope="col">Clinic</th>
                    <th scope="col">Preparation</th>
                    <th scope="col">Delivery</th>
                  </tr>
                </thead>
                <tbody>
                  {pharmacyQueue.edges.map(({ node }) => (
                    <tr key={node.id}>
                      <td className="rx-number">{formatRxNumber(node.rxNumber)}</td>
                      <td>
                        <Link to={`/pharmacy/orders/${node.id}`}>{patientName(node.patient)}</Link>
                        <span className="muted small"> born {formatDate(node.patient.dateOfBirth)}</span>
                      </td>
                      <td>
                        <Badge value={node.state} tone={orderStateTone(node.state)} />
                      </td>
                      <td className="rx-number">{formatDate(node.needBy)}</td>
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
          {isLast && pharmacyQueue.pageInfo.hasNextPage && pharmacyQueue.pageInfo.endCursor !== null && (
            <button
              type="button"
              className="button-secondary"
              onClick={() => onMore(pharmacyQueue.pageInfo.endCursor as string)}
            >
              Show more orders
            </button>
          )}
        </>
      )}
    </QueryState>
  );
}

/** How many orders the search finds in each state, each a link to that state's view. */
function QueueCounts({
  counts,
  search,
}: {
  counts: ReadonlyArray<{ state: OrderState; count: number }>;
  search: string;
}) {
  if (counts.length === 0) return null;
  return (
    <nav aria-label="Orders by state">
      <ul className="queue-counts">
        {counts.map(({ state, count }) => (
          <li key={state}>
            <Link to={queuePath(state, search)}>
              {humanize(state)}: {count}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
