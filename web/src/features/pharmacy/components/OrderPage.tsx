import { compoundingCalculation, FORMULATIONS, OPIOID_LABEL_WARNING, quantityOnLabel } from '@ldn/rules';
import type { CombinedError } from '@urql/core';
import { useCallback, useId, useState } from 'react';
import { flushSync } from 'react-dom';
import { Badge } from '../../../components/ui/Badge.tsx';
import { DetailList } from '../../../components/ui/DetailList.tsx';
import { PageHeader, Section } from '../../../components/ui/Page.tsx';
import { PatientBanner } from '../../../components/ui/PatientBanner.tsx';
import { QueryState } from '../../../components/ui/QueryState.tsx';
import { ScrollArea } from '../../../components/ui/ScrollArea.tsx';
import { SignatureNote } from '../../../components/ui/SignatureNote.tsx';
import { orderStateTone } from '../../../components/ui/tones.ts';
import { apiErrorOf } from '../../../lib/errors.ts';
import {
  formatDate,
  formatDateTime,
  formatDose,
  formatRxNumber,
  humanize,
  patientName,
} from '../../../lib/format.ts';
import { rejectionText } from '../../../lib/rejection.ts';
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

/**
 * One label per line (each strength is its own preparation, with its own lot), printed only:
 * what goes on each container, on a label-sized page (order-print.css).
 */
function PrintLabels({ order }: { order: PharmacyOrder }) {
  const blank = '______________';
  const { pharmacy } = order;
  return (
    <section className="print-labels" aria-label="Labels">
      {order.lines.map((line) => (
        <div key={line.sequence} className="print-label">
          <p className="print-label-pharmacy">
            <strong>{pharmacy.name}</strong> ·{' '}
            {joinFilled([
              pharmacy.addressLine1,
              pharmacy.addressLine2,
              pharmacy.city,
              pharmacy.region,
              pharmacy.postalCode,
            ])}
            {pharmacy.phone !== null && <> · Tel {pharmacy.phone}</>}
          </p>
          <p>
            <strong>{formatRxNumber(order.rxNumber)}</strong> · {formatDate(order.submittedAt)}
          </p>
          <p>
            <strong>{patientName(order.patient)}</strong> · born {formatDate(order.patient.dateOfBirth)}
          </p>
          <p>
            Naltrexone HCl {line.strength} {line.strengthUnit}{' '}
            {FORMULATIONS[order.formulation].label.toLowerCase()} · Qty{' '}
            {quantityOnLabel(line.quantity, line.quantityUnit)}
          </p>
          <p>{line.directions}</p>
          <p>
            Lot {line.lotNumber ?? blank} · Use by{' '}
            {line.beyondUseDate === null ? blank : formatDate(line.beyondUseDate)}
          </p>
          <p>Prescriber: {order.prescriberName}</p>
          <p className="print-label-warning">{OPIOID_LABEL_WARNING}</p>
        </div>
      ))}
    </section>
  );
}

function joinFilled(parts: ReadonlyArray<string | null>): string {
  const filled = parts.filter((part): part is string => part !== null && part !== '');
  return filled.length === 0 ? '—' : filled.join(', ');
}

/** What the next print gives: the whole worksheet (with its labels), or the labels alone. */
type PrintMode = 'worksheet' | 'labels';

function OrderView({ order, reload }: { order: PharmacyOrder; reload: () => void }) {
  const [actionError, setActionError] = useState<CombinedError | null>(null);
  const [printMode, setPrintMode] = useState<PrintMode>('worksheet');
  const print = (mode: PrintMode) => {
    // The class must be on the page before the print dialog lays it out; a later Ctrl+P prints
    // the worksheet again.
    flushSync(() => setPrintMode(mode));
    window.addEventListener('afterprint', () => setPrintMode('worksheet'), { once: true });
    window.print();
  };
  const headingId = useId();
  const onOutcome = (error: CombinedError | null) => {
    setActionError(error);
    // A stale version: someone else moved the order. Show what it is now.
    if (error !== null && apiErrorOf(error).code === 'CONFLICT') reload();
  };
  const name = patientName(order.patient);
  // The two people of the compounding record, with when: printed on the worksheet as well.
  const { compounding } = order;
  const compoundedBy =
    compounding === null
      ? '—'
      : `${compounding.compoundedByName}, ${formatDateTime(compounding.compoundedAt)}`;
  const verifiedBy =
    compounding === null
      ? '—'
      : compounding.verifiedByName === null || compounding.verifiedAt === null
        ? 'Not yet verified'
        : `${compounding.verifiedByName}, ${formatDateTime(compounding.verifiedAt)}`;
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
    <article className={printMode === 'labels' ? 'order-page printing-labels' : 'order-page'}>
      <p className="no-print">
        <Link to="/pharmacy/queue">Back to the queue</Link>
      </p>
      <PatientBanner patient={order.patient} />
      <PageHeader
        title={`${formatRxNumber(order.rxNumber)} · Order for ${name}`}
        subtitle={
          <>
            <Badge value={order.state} tone={orderStateTone(order.state)} /> · {order.clinicName} · submitted{' '}
            {formatDateTime(order.submittedAt)} · need by {formatDate(order.needBy)}
          </>
        }
        actions={
          <>
            <button type="button" className="button-secondary no-print" onClick={() => print('worksheet')}>
              Print worksheet
            </button>
            <button type="button" className="button-secondary no-print" onClick={() => print('labels')}>
              Print labels
            </button>
          </>
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
          <SignatureNote signature={order.signature} submitted={order.submittedAt !== null} />
          <DetailList
            items={[
              ['Rx number', formatRxNumber(order.rxNumber)],
              ['Need by', formatDate(order.needBy)],
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
                <th scope="col">Lot</th>
                <th scope="col">Use by</th>
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
                  <td>{quantityOnLabel(line.quantity, line.quantityUnit)}</td>
                  <td>{line.daysSupply}</td>
                  <td>{formatDate(line.startsOn)}</td>
                  <td>{line.directions}</td>
                  <td>{line.lotNumber ?? <span className="print-blank">—</span>}</td>
                  <td>{formatDate(line.beyondUseDate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollArea>
      </Section>
      <Section title="Calculation">
        <ol className="plain-list">
          {order.lines.map((line) => {
            const calculation = compoundingCalculation(line);
            return (
              <li key={line.sequence}>
                <strong>
                  Line {line.sequence}: weigh {calculation.naltrexoneHclMg} mg naltrexone HCl
                </strong>
                <br />
                {calculation.steps.join('; ')}. {calculation.filler}.
              </li>
            );
          })}
        </ol>
      </Section>
      <Section title="Compounding record">
        <DetailList
          items={[
            ['Lot number', order.lotNumber ?? <span className="print-blank">—</span>],
            ['Compounded on', formatDate(order.compoundedOn)],
            ['Compounded by', compoundedBy],
            ['Verified by', verifiedBy],
            ['Beyond-use date', formatDate(order.beyondUseDate)],
            ...(order.budReason === null ? [] : ([['Beyond-use reason', order.budReason]] as const)),
            ['Dispensed on', formatDate(order.dispensedOn)],
            ...(order.trackingNumber === null ? [] : ([['Tracking', order.trackingNumber]] as const)),
            ...(order.rejectionCode === null
              ? []
              : ([['Rejected because', rejectionText(order.rejectionCode, order.rejectionReason)]] as const)),
          ]}
        />
        <p className="print-only print-sign">
          Compounded by {compounding?.compoundedByName ?? '________________'}, signature ________________ ·
          Verified by {compounding?.verifiedByName ?? '________________'}, signature ________________
        </p>
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
