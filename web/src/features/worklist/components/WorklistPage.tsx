import { CONDITIONS } from '@ldn/rules';
import { Badge, type BadgeTone } from '../../../components/ui/Badge.tsx';
import { PageHeader } from '../../../components/ui/Page.tsx';
import { EmptyState, QueryState } from '../../../components/ui/QueryState.tsx';
import { formatDate, patientName } from '../../../lib/format.ts';
import { Link } from '../../../lib/router.tsx';
import { useWorklist, type WorklistItem } from '../api/worklist.ts';

/** How urgent each worklist code reads. */
export function worklistTone(code: string): BadgeTone {
  if (code.endsWith('_OVERDUE') || code === 'ORDER_REJECTED' || code === 'POSSIBLE_OPIOID_REVIEW')
    return 'danger';
  if (code.includes('HOLD')) return 'warning';
  if (code.startsWith('ASSESSMENT') || code === 'REASSESSMENT_DUE') return 'info';
  return 'neutral';
}

/**
 * The clinic's to-do list for today: each item links to its trial; an order item to the order, a
 * possible opioid (a newer vocabulary found one among the medications, §11) to the patient record.
 */
export function WorklistPage() {
  const [result, refetch] = useWorklist();
  return (
    <>
      <PageHeader title="Worklist" subtitle="What needs doing today, oldest first." />
      <QueryState
        result={result}
        loadingLabel="Loading the worklist…"
        onRetry={() => refetch({ requestPolicy: 'network-only' })}
      >
        {(data) =>
          data.worklist.length === 0 ? (
            <EmptyState>Nothing needs doing today.</EmptyState>
          ) : (
            <ul className="card-list" aria-label="Worklist items">
              {data.worklist.map((item) => (
                <WorklistRow
                  key={`${item.code}-${item.trial.id}-${item.orderId ?? ''}-${item.medicationId ?? ''}`}
                  item={item}
                />
              ))}
            </ul>
          )
        }
      </QueryState>
    </>
  );
}

function WorklistRow({ item }: { item: WorklistItem }) {
  const name = patientName(item.trial.patient);
  return (
    <li className="card worklist-item">
      <div className="worklist-when">
        <time dateTime={item.date}>{formatDate(item.date)}</time>
        <Badge
          value={item.code}
          tone={worklistTone(item.code)}
          {...(item.code === 'POSSIBLE_OPIOID_REVIEW' && { label: 'Possible opioid: review' })}
        />
      </div>
      <div className="worklist-what">
        <p className="worklist-message">{item.message}</p>
        <p className="muted">
          <Link to={`/trials/${item.trial.id}`}>
            {name}
            <span className="visually-hidden">: open the trial</span>
          </Link>{' '}
          · MRN {item.trial.patient.mrn} · {CONDITIONS[item.trial.condition].label}
          {item.code === 'POSSIBLE_OPIOID_REVIEW' && (
            <>
              {' '}
              ·{' '}
              <Link to={`/patients/${item.trial.patient.id}`}>
                Review the medication on the patient record
              </Link>
            </>
          )}
          {item.orderId !== null && (
            <>
              {' '}
              · <Link to={`/orders/${item.orderId}`}>Open the order</Link>
            </>
          )}
        </p>
      </div>
    </li>
  );
}
