import type { CombinedError } from '@urql/core';
import { type FormEvent, useId, useState } from 'react';
import { Link } from '../../../lib/router.tsx';
import { useCancelOrder } from '../api/cancel-order.ts';
import type { ClinicOrder, ViewerRole } from '../api/clinic-order.ts';
import { useReleaseOrderHold } from '../api/release-order-hold.ts';
import { SignAndSubmit } from './SigningStep.tsx';

/** Tells the page how an action ended: an error to show (null on success). */
export type ActionOutcome = (error: CombinedError | null) => void;

/** The API's ReasonedOrderInput needs at least this many characters of reason. */
const MIN_REASON_LENGTH = 3;

/** The clinic's states in which an order may still be withdrawn (the API's cancel transition). */
const CANCELLABLE = new Set<string>(['DRAFT', 'SUBMITTED', 'RECEIVED']);

interface ActionsProps {
  order: ClinicOrder;
  role: ViewerRole | null;
  onOutcome: ActionOutcome;
  onEdit(): void;
}

/** What the clinic may do with the order in its state; each action sends the version read. */
export function ClinicOrderActions({ order, role, onOutcome, onEdit }: ActionsProps) {
  const reference = { orderId: order.id, version: order.version };
  const cancel = CANCELLABLE.has(order.state) && <CancelForm reference={reference} onOutcome={onOutcome} />;
  switch (order.state) {
    case 'DRAFT':
      return (
        <>
          <div className="action order-action-row">
            {role === 'CLINICIAN' ? (
              <SignAndSubmit order={order} onOutcome={onOutcome} />
            ) : (
              <p>A clinician signs and submits this draft to the pharmacy.</p>
            )}
            <button type="button" className="button-secondary" onClick={onEdit}>
              Edit draft
            </button>
          </div>
          {cancel}
        </>
      );
    case 'SUBMITTED':
    case 'RECEIVED':
      return (
        <>
          <p>With the pharmacy; it can be cancelled until compounding starts.</p>
          {cancel}
        </>
      );
    case 'ON_HOLD':
      return <ReleaseAction reference={reference} onOutcome={onOutcome} />;
    case 'REJECTED':
      return (
        <p>
          A rejected order is not sent again:{' '}
          <Link to={`/trials/${order.trialId}/orders/new`}>make a new order</Link> from the trial.
        </p>
      );
    default:
      return <p>Nothing for the clinic to do with this order.</p>;
  }
}

interface OrderReference {
  orderId: string;
  version: number;
}

function ReleaseAction({ reference, onOutcome }: { reference: OrderReference; onOutcome: ActionOutcome }) {
  const [result, release] = useReleaseOrderHold();
  const id = useId();
  const onClick = async () => {
    const answer = await release({ input: reference });
    onOutcome(answer.error ?? null);
  };
  return (
    <div className="action">
      <button
        type="button"
        disabled={result.fetching}
        onClick={() => void onClick()}
        aria-describedby={`${id}-hint`}
      >
        {result.fetching ? 'Releasing…' : 'Release the hold'}
      </button>
      <p id={`${id}-hint`} className="hint">
        Possible once the trial is no longer on hold; the order returns to the state it had.
      </p>
    </div>
  );
}

function CancelForm({ reference, onOutcome }: { reference: OrderReference; onOutcome: ActionOutcome }) {
  const [result, cancel] = useCancelOrder();
  const [reason, setReason] = useState('');
  const id = useId();
  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const answer = await cancel({ input: { ...reference, reason: reason.trim() } });
    onOutcome(answer.error ?? null);
  };
  return (
    <details className="action">
      <summary>Cancel the order…</summary>
      <form onSubmit={(event) => void onSubmit(event)} aria-label="Cancel the order">
        <div className="field">
          <label htmlFor={`${id}-reason`}>Reason for cancelling</label>
          <textarea
            id={`${id}-reason`}
            required
            rows={3}
            maxLength={1000}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            aria-describedby={`${id}-hint`}
          />
          <p id={`${id}-hint`} className="hint">
            Kept in the order’s history; the pharmacy sees it.
          </p>
        </div>
        <button
          type="submit"
          className="button-danger"
          disabled={result.fetching || reason.trim().length < MIN_REASON_LENGTH}
        >
          {result.fetching ? 'Cancelling…' : 'Cancel order'}
        </button>
      </form>
    </details>
  );
}
