import { FORMULATIONS } from '@ldn/rules';
import type { CombinedError } from '@urql/core';
import { useCallback, useId, useState } from 'react';
import { Badge } from '../../../components/ui/Badge.tsx';
import { DetailList } from '../../../components/ui/DetailList.tsx';
import { PageHeader, Section } from '../../../components/ui/Page.tsx';
import { QueryState } from '../../../components/ui/QueryState.tsx';
import { ScrollArea } from '../../../components/ui/ScrollArea.tsx';
import { orderStateTone } from '../../../components/ui/tones.ts';
import { apiErrorOf } from '../../../lib/errors.ts';
import { formatDate, formatDateTime, formatDose, humanize, patientName } from '../../../lib/format.ts';
import { Link } from '../../../lib/router.tsx';
import { type PharmacyOrder, usePharmacyOrder } from '../api/order.ts';
import { ActionError } from './ActionError.tsx';
import { OrderActions } from './OrderActions.tsx';
import './order-print.css';

/** One order for the pharmacy: the patient details it needs, the lines, and the next action. */
export function OrderPage({ orderId }: { orderId: string }) {
  const [result, refetch] = usePharmacyOrder(orderId);
  const reload = useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]);
  return (
    <QueryState
      result={result}
      loadingLabel="Loading the order…"
      wording={{ NOT_FOUND: 'This order is not addressed to your pharmacy.' }}
      onRetry={reload}
    >
      {({ pharmacyOrder }) => <OrderView order={pharmacyOrder} reload={reload} />}
    </QueryState>
  );
}

/** One label per line, printed only: what goes on each container. */
function PrintLabels({ order }: { order: PharmacyOrder }) {
  const blank = '______________';
  return (
    <section className="print-labels" aria-label="Labels">
      {order.lines.map((line) => (
        <div key={line.sequence} className="print-label">
          <p>
            <strong>{patientName(order.patient)}</strong> · born {formatDate(order.patient.dateOfBirth)}
          </p>
          <p>
            Naltrexone HCl {line.strength} {line.strengthUnit}{' '}
            {FORMULATIONS[order.formulation].label.toLowerCase()} · {line.quantity} {line.quantityUnit}
          </p>
          <p>{line.directions}</p>
          <p>
            Lot {order.lotNumber ?? blank} · Use by{' '}
            {order.beyondUseDate === null ? blank : formatDate(order.beyondUseDate)}
          </p>
          <p>
            {order.prescriberName} · {order.clinicName}
          </p>
        </div>
      ))}
    </section>
  );
}

function joinFilled(parts: ReadonlyArray<string | null>): string {
  const filled = parts.filter((part): part is string => part !== null && part !== '');
  return filled.length === 0 ? '—' : filled.join(', ');
}

function OrderView({ order, reload }: { order: PharmacyOrder; reload: () => void }) {
  const [actionError, setActionError] = useState<CombinedError | null>(null);
  const headingId = useId();
  const onOutcome = (error: CombinedError | null) => {
    setActionError(error);
    // A stale version: someone else moved the order. Show what it is now.
    if (error !== null && apiErrorOf(error).code === 'CONFLICT') reload();
  };
  const name = patientName(order.patient);
  const shipTo =
    order.delivery === 'SHIP'
      ? joinFilled([
          order.shipToLine1,
          order.shipToLine2,
          order.shipToCity,
          order.shipToRegion,
          order.shipToPostal,
        ])
      : 'Pick up at the pharmacy';
  return (
    <article className="order-page">
      <p className="no-print">
        <Link to="/pharmacy/queue">Back to the queue</Link>
      </p>
      <PageHeader
        title={`Order for ${name}`}
        subtitle={
          <>
            <Badge value={order.state} tone={orderStateTone(order.state)} /> · {order.clinicName} · submitted{' '}
            {formatDateTime(order.submittedAt)}
          </>
        }
        actions={
          <button type="button" className="button-secondary no-print" onClick={() => window.print()}>
            Print worksheet
          </button>
        }
      />
      <section className="order-actions no-print" aria-labelledby={`${headingId}-actions`}>
        <h2 id={`${headingId}-actions`}>Next step</h2>
        <output aria-live="polite" className="visually-hidden">
          Order state: {humanize(order.state)}
        </output>
        <OrderActions key={`${order.state}-${order.version}`} order={order} onOutcome={onOutcome} />
        <ActionError error={actionError} />
      </section>
      <div className="grid-2">
        <Section title="Patient">
          <DetailList
            items={[
              ['Name', name],
              ['Date of birth', formatDate(order.patient.dateOfBirth)],
              ['Phone', order.patient.phone ?? '—'],
              [
                'Address',
                joinFilled([
                  order.patient.addressLine1,
                  order.patient.addressLine2,
                  order.patient.city,
                  order.patient.region,
                  order.patient.postalCode,
                ]),
              ],
              ['Allergies', order.allergies ?? order.patient.allergies ?? 'None recorded'],
            ]}
          />
        </Section>
        <Section title="Prescription">
          <DetailList
            items={[
              ['Prescriber', `${order.prescriberName} (NPI ${order.prescriberNpi})`],
              ['Clinic', order.clinicName],
              [
                'Preparation',
                `${humanize(order.kind)} · ${FORMULATIONS[order.formulation].label}${
                  order.vehicle === null ? '' : ` (${humanize(order.vehicle).toLowerCase()})`
                }`,
              ],
              ['Days’ supply', `${order.totalDaysSupply} · refills ${order.refills}`],
              ['Excipients', order.excipientNotes ?? '—'],
              [
                'Payment',
                `${humanize(order.payment)}${order.insuranceNote === null ? '' : ` — ${order.insuranceNote}`}`,
              ],
              ['Delivery', shipTo],
            ]}
          />
        </Section>
      </div>
      <Section title="Lines">
        <ScrollArea label="Order lines">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">Nightly dose</th>
                <th scope="col">Strength</th>
                <th scope="col">Quantity</th>
                <th scope="col">Nights</th>
                <th scope="col">From</th>
                <th scope="col">Directions</th>
              </tr>
            </thead>
            <tbody>
              {order.lines.map((line) => (
                <tr key={line.sequence}>
                  <td>{line.sequence}</td>
                  <td>{formatDose(line.nightlyDoseMg)}</td>
                  <td>
                    {line.strength} {line.strengthUnit}
                  </td>
                  <td>
                    {line.quantity} {line.quantityUnit}
                  </td>
                  <td>{line.daysSupply}</td>
                  <td>{formatDate(line.startsOn)}</td>
                  <td>{line.directions}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollArea>
      </Section>
      <Section title="Compounding record">
        <DetailList
          items={[
            ['Lot number', order.lotNumber ?? <span className="print-blank">—</span>],
            ['Compounded on', formatDate(order.compoundedOn)],
            ['Beyond-use date', formatDate(order.beyondUseDate)],
            ...(order.budReason === null ? [] : ([['Beyond-use reason', order.budReason]] as const)),
            ['Dispensed on', formatDate(order.dispensedOn)],
            ...(order.trackingNumber === null ? [] : ([['Tracking', order.trackingNumber]] as const)),
            ...(order.rejectionReason === null
              ? []
              : ([['Rejected because', order.rejectionReason]] as const)),
          ]}
        />
        <p className="print-only print-sign">Compounded by: ________________ Checked by: ________________</p>
      </Section>
      <PrintLabels order={order} />
      <Section title="History">
        <ol className="plain-list">
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
