import type { CombinedError } from '@urql/core';
import { useCallback, useId, useState } from 'react';
import { Badge } from '../../../components/ui/Badge.tsx';
import { DetailList } from '../../../components/ui/DetailList.tsx';
import { PageHeader, Section } from '../../../components/ui/Page.tsx';
import { PatientBanner } from '../../../components/ui/PatientBanner.tsx';
import { EmptyState, QueryState } from '../../../components/ui/QueryState.tsx';
import { SignatureNote } from '../../../components/ui/SignatureNote.tsx';
import { orderStateTone } from '../../../components/ui/tones.ts';
import { apiErrorOf } from '../../../lib/errors.ts';
import { formatDate, formatDateTime, formatRxNumber, humanize } from '../../../lib/format.ts';
import { rejectionText } from '../../../lib/rejection.ts';
import { Link } from '../../../lib/router.tsx';
import { type ClinicOrder, useClinicOrder, type ViewerRole } from '../api/clinic-order.ts';
import { deliveryOf, preparationOf } from '../order-summary.ts';
import { ClinicOrderActions } from './ClinicOrderActions.tsx';
import { EditDraft } from './EditDraft.tsx';
import { OrderError } from './OrderError.tsx';
import { OrderLinesTable } from './OrderLinesTable.tsx';

/** `/orders/:orderId`: one order of the clinic, its lines and history, and what can be done with it. */
export function ClinicOrderPage({ orderId }: { orderId: string }) {
  const [result, refetch] = useClinicOrder(orderId);
  const reload = useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]);
  return (
    <QueryState
      result={result}
      loadingLabel="Loading the order…"
      wording={{ NOT_FOUND: 'This order is not in your clinic’s records.' }}
      onRetry={reload}
    >
      {({ me, order }) => <OrderView order={order} role={me?.role ?? null} reload={reload} />}
    </QueryState>
  );
}

function OrderView({
  order,
  role,
  reload,
}: {
  order: ClinicOrder;
  role: ViewerRole | null;
  reload: () => void;
}) {
  const [actionError, setActionError] = useState<CombinedError | null>(null);
  const [editing, setEditing] = useState(false);
  const headingId = useId();
  const onOutcome = (error: CombinedError | null) => {
    setActionError(error);
    // A stale version: someone else moved the order. Show what it is now.
    if (error !== null && apiErrorOf(error).code === 'CONFLICT') reload();
  };
  const delivery = deliveryOf(order);
  const compounded = order.lotNumber !== null;

  return (
    <article>
      <p>
        <Link to={`/trials/${order.trialId}`}>Back to the trial</Link>
      </p>
      <PatientBanner patient={order.patient} />
      <PageHeader
        title={`${humanize(order.kind)} order${order.rxNumber === null ? '' : ` · ${formatRxNumber(order.rxNumber)}`}`}
        subtitle={
          <>
            <Badge value={order.state} tone={orderStateTone(order.state)} /> · {order.pharmacyName} ·
            submitted {formatDateTime(order.submittedAt)} · need by {formatDate(order.needBy)}
          </>
        }
      />
      <output aria-live="polite" className="visually-hidden">
        Order state: {humanize(order.state)}
      </output>
      <SignatureNote signature={order.signature} submitted={order.submittedAt !== null} />
      {order.state === 'REJECTED' && (
        <div className="notice notice-error">
          <p>
            <strong>Rejected by {order.pharmacyName}:</strong>{' '}
            {order.rejectionCode === null
              ? (order.rejectionReason ?? 'no reason given.')
              : rejectionText(order.rejectionCode, order.rejectionReason)}
          </p>
        </div>
      )}
      {order.state === 'ON_HOLD' && (
        <div className="notice notice-info">
          <p>
            On hold with its trial; when released it returns to{' '}
            {order.stateBeforeHold === null
              ? 'its previous state'
              : humanize(order.stateBeforeHold).toLowerCase()}
            .
          </p>
        </div>
      )}
      {order.overrides.length > 0 && (
        <div className="notice notice-info">
          <p>
            <strong>Written past a soft stop, with a reason:</strong>
          </p>
          <ul className="compact-list" aria-label="Overrides">
            {order.overrides.map((override) => (
              <li key={`${override.code}-${override.givenAt}`}>
                {humanize(override.code)}: {override.reason}{' '}
                <span className="muted">
                  — {override.givenBy}, {formatDateTime(override.givenAt)}
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
      <section className="order-actions" aria-labelledby={`${headingId}-actions`}>
        <h2 id={`${headingId}-actions`}>Next step</h2>
        {editing && order.state === 'DRAFT' ? (
          <EditDraft order={order} onClose={() => setEditing(false)} onConflict={reload} />
        ) : (
          <ClinicOrderActions
            key={`${order.state}-${order.version}`}
            order={order}
            role={role}
            onOutcome={onOutcome}
            onEdit={() => {
              setActionError(null);
              setEditing(true);
            }}
          />
        )}
        {!editing && <OrderError error={actionError} />}
      </section>
      <div className="grid-2">
        <Section title="Prescription">
          <DetailList
            items={[
              ['Prescriber', `${order.prescriberName} (NPI ${order.prescriberNpi})`],
              ['Preparation', preparationOf(order)],
              ['Days’ supply', `${order.totalDaysSupply} · refills ${order.refills}`],
              ['Excipients', order.excipientNotes ?? '—'],
              ['Allergies', order.allergies ?? 'None recorded'],
            ]}
          />
        </Section>
        <Section title="Pharmacy and delivery">
          <DetailList
            items={[
              ['Pharmacy', order.pharmacyName],
              [
                'Payment',
                `${humanize(order.payment)}${order.insuranceNote === null ? '' : ` — ${order.insuranceNote}`}`,
              ],
              ['Delivery', delivery],
            ]}
          />
        </Section>
      </div>
      <Section title="Lines">
        <OrderLinesTable lines={order.lines} label="Order lines" />
      </Section>
      <Section title="Compounding">
        {compounded ? (
          <DetailList
            items={[
              ['Lot number', order.lotNumber],
              ['Compounded on', formatDate(order.compoundedOn)],
              ['Beyond-use date', formatDate(order.beyondUseDate)],
              ...(order.budReason === null ? [] : ([['Beyond-use reason', order.budReason]] as const)),
              ['Dispensed on', formatDate(order.dispensedOn)],
              ...(order.trackingNumber === null ? [] : ([['Tracking', order.trackingNumber]] as const)),
            ]}
          />
        ) : (
          <EmptyState>The pharmacy records the lot and beyond-use date when the order is ready.</EmptyState>
        )}
      </Section>
      <Section title="History">
        <ol className="plain-list" aria-label="Order history">
          {order.events.map((event) => (
            <li key={`${event.at}-${event.toState}`}>
              {formatDateTime(event.at)}: {event.fromState === null ? 'created' : humanize(event.fromState)} →{' '}
              {humanize(event.toState)} <span className="muted">by {event.actorName}</span>
              {event.reason !== null && <span> — {event.reason}</span>}
            </li>
          ))}
        </ol>
      </Section>
    </article>
  );
}
