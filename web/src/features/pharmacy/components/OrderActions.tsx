import { REJECTION_NOTE_REQUIRED, REJECTION_REASONS, type RejectionCode } from '@ldn/rules';
import type { CombinedError } from '@urql/core';
import { type FormEvent, useId, useState } from 'react';
import { useAcknowledgeOrder } from '../api/acknowledge-order.ts';
import { useDispenseOrder } from '../api/dispense-order.ts';
import type { PharmacyOrder } from '../api/order.ts';
import { useRejectOrder } from '../api/reject-order.ts';
import { useStartCompounding } from '../api/start-compounding.ts';
import { useVerifyOrder } from '../api/verify-order.ts';
import { MarkReadyForm } from './MarkReadyForm.tsx';

/** Tells the page how an action ended: an error to show (null on success). */
export type ActionOutcome = (error: CombinedError | null) => void;

interface OrderReference {
  orderId: string;
  version: number;
}

/** What the pharmacy may do with the order in its state; each action sends the version read. */
export function OrderActions({ order, onOutcome }: { order: PharmacyOrder; onOutcome: ActionOutcome }) {
  const reference = { orderId: order.id, version: order.version };
  switch (order.state) {
    case 'SUBMITTED':
      return (
        <>
          <SimpleAction
            label="Acknowledge"
            useAction={useAcknowledgeOrder}
            reference={reference}
            onOutcome={onOutcome}
          />
          <RejectForm reference={reference} onOutcome={onOutcome} />
        </>
      );
    case 'RECEIVED':
      return (
        <>
          <SimpleAction
            label="Start compounding"
            useAction={useStartCompounding}
            reference={reference}
            onOutcome={onOutcome}
          />
          <RejectForm reference={reference} onOutcome={onOutcome} />
        </>
      );
    case 'COMPOUNDING':
      return <MarkReadyForm order={order} onOutcome={onOutcome} />;
    case 'READY':
      return <ReadyActions order={order} reference={reference} onOutcome={onOutcome} />;
    case 'ON_HOLD':
      return <p>On hold with its trial: the clinic releases it.</p>;
    default:
      return <p>Nothing more to do with this order.</p>;
  }
}

type VersionMutation = () => readonly [
  { fetching: boolean },
  (variables: { input: OrderReference }) => Promise<{ error?: CombinedError | undefined }>,
];

function SimpleAction({
  label,
  useAction,
  reference,
  onOutcome,
}: {
  label: string;
  useAction: VersionMutation;
  reference: OrderReference;
  onOutcome: ActionOutcome;
}) {
  const [result, run] = useAction();
  const onClick = async () => {
    const answer = await run({ input: reference });
    onOutcome(answer.error ?? null);
  };
  return (
    <div className="action">
      <button type="button" disabled={result.fetching} onClick={() => void onClick()}>
        {label}
      </button>
    </div>
  );
}

/** A coded reason from the rules package's list, and a note (required where the code says nothing). */
function RejectForm({ reference, onOutcome }: { reference: OrderReference; onOutcome: ActionOutcome }) {
  const [result, reject] = useRejectOrder();
  const [code, setCode] = useState<RejectionCode | ''>('');
  const [reason, setReason] = useState('');
  const id = useId();
  const noteRequired = code !== '' && REJECTION_NOTE_REQUIRED.includes(code);
  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (code === '') return;
    const note = reason.trim();
    const answer = await reject({ input: { ...reference, code, ...(note !== '' && { reason: note }) } });
    onOutcome(answer.error ?? null);
  };
  return (
    <details className="action">
      <summary>Reject…</summary>
      <form onSubmit={(event) => void onSubmit(event)}>
        <div className="field">
          <label htmlFor={`${id}-code`}>Reason for rejecting</label>
          <select
            id={`${id}-code`}
            required
            value={code}
            onChange={(event) => setCode(event.target.value as RejectionCode | '')}
          >
            <option value="">Choose a reason</option>
            {(Object.keys(REJECTION_REASONS) as RejectionCode[]).map((value) => (
              <option key={value} value={value}>
                {REJECTION_REASONS[value]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-reason`}>
            {noteRequired ? 'Note for the clinic' : 'Note for the clinic (optional)'}
          </label>
          <textarea
            id={`${id}-reason`}
            required={noteRequired}
            rows={3}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            aria-describedby={`${id}-hint`}
          />
          <p id={`${id}-hint`} className="hint">
            The clinic sees the reason and this note.
          </p>
        </div>
        <button
          type="submit"
          className="button-danger"
          disabled={result.fetching || code === '' || (noteRequired && reason.trim() === '')}
        >
          Reject order
        </button>
      </form>
    </details>
  );
}

/**
 * A ready order is dispensed once a second pharmacist has verified it: the one who compounded it
 * is told so (the API refuses them), anyone else may verify.
 */
function ReadyActions({
  order,
  reference,
  onOutcome,
}: {
  order: PharmacyOrder;
  reference: OrderReference;
  onOutcome: ActionOutcome;
}) {
  if (order.compounding?.verifiedAt != null) return <DispenseForm order={order} onOutcome={onOutcome} />;
  if (order.compounding?.compoundedByViewer === true) {
    return (
      <p>You compounded this order: another pharmacist of the pharmacy verifies it before it is dispensed.</p>
    );
  }
  return (
    <>
      <p>Check the preparation, its lots and labels against the prescription, then verify it.</p>
      <SimpleAction label="Verify" useAction={useVerifyOrder} reference={reference} onOutcome={onOutcome} />
    </>
  );
}

function DispenseForm({ order, onOutcome }: { order: PharmacyOrder; onOutcome: ActionOutcome }) {
  const [result, dispense] = useDispenseOrder();
  const [trackingNumber, setTrackingNumber] = useState('');
  const id = useId();
  const shipped = order.delivery === 'SHIP';
  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const answer = await dispense({
      input: {
        orderId: order.id,
        version: order.version,
        ...(shipped && { trackingNumber: trackingNumber.trim() }),
      },
    });
    onOutcome(answer.error ?? null);
  };
  return (
    <form className="action" onSubmit={(event) => void onSubmit(event)} aria-label="Dispense">
      {shipped && (
        <div className="field">
          <label htmlFor={`${id}-tracking`}>Tracking number</label>
          <input
            id={`${id}-tracking`}
            required
            value={trackingNumber}
            onChange={(event) => setTrackingNumber(event.target.value)}
          />
        </div>
      )}
      <button type="submit" disabled={result.fetching || (shipped && trackingNumber.trim() === '')}>
        {shipped ? 'Dispense (shipped)' : 'Dispense (picked up)'}
      </button>
    </form>
  );
}
