import { CONDITIONS } from '@ldn/rules';
import { Badge, type BadgeTone } from '../../../components/ui/Badge.tsx';
import { PageHeader, Section } from '../../../components/ui/Page.tsx';
import { EmptyState, QueryState } from '../../../components/ui/QueryState.tsx';
import { formatDate, formatDateTime, humanize, patientName } from '../../../lib/format.ts';
import { Link } from '../../../lib/router.tsx';
import { useWorklist, type WorklistItem } from '../api/worklist.ts';

/** How urgent each worklist code reads. */
export function worklistTone(code: string): BadgeTone {
  if (code.endsWith('_OVERDUE') || code === 'ORDER_REJECTED' || code === 'POSSIBLE_OPIOID_REVIEW')
    return 'danger';
  if (code.includes('HOLD')) return 'warning';
  if (code.startsWith('ASSESSMENT') || code === 'REASSESSMENT_DUE' || code === 'ORDER_AWAITING_SIGNATURE')
    return 'info';
  return 'neutral';
}

const LABELS: Partial<Record<string, string>> = {
  POSSIBLE_OPIOID_REVIEW: 'Possible opioid: review',
  ORDER_AWAITING_SIGNATURE: 'Draft to sign',
};

/**
 * The viewer's inbox — what is addressed to a clinician and the viewer may do (a draft to sign, a
 * possible opioid to review) — and the rest of the clinic's work. The API says who can act on each
 * item (`waitsFor` is null when the viewer can); the portal only groups by it.
 */
export function splitInbox(items: readonly WorklistItem[]): { inbox: WorklistItem[]; rest: WorklistItem[] } {
  const mine = (item: WorklistItem) => item.inbox && item.waitsFor === null;
  return { inbox: items.filter(mine), rest: items.filter((item) => !mine(item)) };
}

/**
 * The clinic's to-do list for today. A clinician's inbox comes first: drafts to sign (who prepared
 * each, and when) and possible opioids to review (§11), linked to the order and the patient record.
 * What the viewer's role cannot do is marked as waiting for the role that can, with a link to look,
 * never to act.
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
        {(data) => {
          if (data.worklist.length === 0) return <EmptyState>Nothing needs doing today.</EmptyState>;
          const { inbox, rest } = splitInbox(data.worklist);
          return (
            <>
              {inbox.length > 0 && (
                <Section title="Inbox">
                  <WorklistItems label="Inbox items" items={inbox} />
                </Section>
              )}
              {rest.length > 0 &&
                (inbox.length > 0 ? (
                  <Section title="The clinic’s work">
                    <WorklistItems label="Worklist items" items={rest} />
                  </Section>
                ) : (
                  <WorklistItems label="Worklist items" items={rest} />
                ))}
            </>
          );
        }}
      </QueryState>
    </>
  );
}

function WorklistItems({ label, items }: { label: string; items: readonly WorklistItem[] }) {
  return (
    <ul className="card-list" aria-label={label}>
      {items.map((item) => (
        <WorklistRow
          key={`${item.code}-${item.trial.id}-${item.orderId ?? ''}-${item.medicationId ?? ''}`}
          item={item}
        />
      ))}
    </ul>
  );
}

function WorklistRow({ item }: { item: WorklistItem }) {
  const name = patientName(item.trial.patient);
  const waiting = item.waitsFor !== null;
  return (
    <li className={`card worklist-item${waiting ? ' worklist-item-waiting' : ''}`}>
      <div className="worklist-when">
        <time dateTime={item.date}>{formatDate(item.date)}</time>
        <Badge
          value={item.code}
          tone={worklistTone(item.code)}
          {...(LABELS[item.code] && { label: LABELS[item.code] })}
        />
        {item.waitsFor !== null && (
          <Badge
            value={item.waitsFor}
            tone="neutral"
            label={`Waits for a ${humanize(item.waitsFor).toLowerCase()}`}
          />
        )}
      </div>
      <div className="worklist-what">
        <p className="worklist-message">{item.message}</p>
        {item.preparedBy !== null && item.preparedAt !== null && (
          <p className="muted">
            Prepared by {item.preparedBy}, {formatDateTime(item.preparedAt)}
          </p>
        )}
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
                {waiting
                  ? 'See the medication on the patient record'
                  : 'Review the medication on the patient record'}
              </Link>
            </>
          )}
          {item.orderId !== null && (
            <>
              {' '}
              ·{' '}
              <Link to={`/orders/${item.orderId}`}>
                {item.code === 'ORDER_AWAITING_SIGNATURE' && !waiting
                  ? 'Open the draft to sign it'
                  : 'Open the order'}
              </Link>
            </>
          )}
        </p>
      </div>
    </li>
  );
}
