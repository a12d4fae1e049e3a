import { ORDER_SIGNATURE_MEANING } from '@ldn/rules';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { DetailList } from '../../../components/ui/DetailList.tsx';
import { PatientBanner } from '../../../components/ui/PatientBanner.tsx';
import { focusFirstInvalid, TextField } from '../../../components/ui/TextField.tsx';
import { type ApiErrorCode, apiErrorOf, fieldErrorOf } from '../../../lib/errors.ts';
import type { ClinicOrder } from '../api/clinic-order.ts';
import { useSubmitOrder } from '../api/submit-order.ts';
import { deliveryOf, preparationOf } from '../order-summary.ts';
import type { ActionOutcome } from './ClinicOrderActions.tsx';
import { OrderLinesTable } from './OrderLinesTable.tsx';

/** Refusals of the password, said beside the field (the step stays open for another try). */
const PASSWORD_REFUSALS: Partial<Record<ApiErrorCode, string>> = {
  SIGNATURE_INVALID: 'The password is not right; the order was not signed.',
  TOO_MANY_REQUESTS: 'Too many wrong passwords. Wait a few minutes, then sign again.',
};

/**
 * "Sign and submit": opens the signing step, where the clinician sees what they sign and for
 * whom, what the signature means, and signs with their password.
 */
export function SignAndSubmit({ order, onOutcome }: { order: ClinicOrder; onOutcome: ActionOutcome }) {
  const [signing, setSigning] = useState(false);
  if (!signing) {
    return (
      <button type="button" onClick={() => setSigning(true)}>
        Sign and submit to the pharmacy
      </button>
    );
  }
  return <SigningStep order={order} onOutcome={onOutcome} onCancel={() => setSigning(false)} />;
}

/**
 * The order as it will be signed, the patient's identifiers, the meaning of the signature and the
 * password that confirms it (21 CFR 11.50, 11.200). A wrong password keeps the step open; any
 * other answer goes to the page.
 */
function SigningStep({
  order,
  onOutcome,
  onCancel,
}: {
  order: ClinicOrder;
  onOutcome: ActionOutcome;
  onCancel(): void;
}) {
  const [result, submit] = useSubmitOrder();
  const [password, setPassword] = useState('');
  // An object each time, so a second refusal in the same words still brings focus back.
  const [refusal, setRefusal] = useState<{ message: string } | null>(null);
  // One key per signing step: a double click or a retry signs once. A refused password uses none.
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const id = useId();
  const form = useRef<HTMLFormElement | null>(null);
  // The step opens where the clinician carries on: at the password.
  useEffect(() => {
    form.current?.querySelector('input')?.focus();
  }, []);
  // After a refused password, back to the field (now marked invalid) for another try.
  useEffect(() => {
    if (refusal !== null) focusFirstInvalid(form.current);
  }, [refusal]);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const answer = await submit({
      input: { orderId: order.id, version: order.version, idempotencyKey, password },
    });
    // The password is not kept once it has been sent.
    setPassword('');
    if (answer.error === undefined) {
      onOutcome(null);
      return;
    }
    const refused = apiErrorOf(answer.error);
    const besideField = PASSWORD_REFUSALS[refused.code] ?? fieldErrorOf(answer.error, 'password');
    if (besideField !== null) {
      setRefusal({ message: besideField });
      return;
    }
    setRefusal(null);
    onOutcome(answer.error);
  };

  return (
    <section className="signing-step" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>Sign the order</h3>
      <PatientBanner patient={order.patient} />
      <DetailList
        items={[
          ['Preparation', preparationOf(order)],
          ['Days’ supply', `${order.totalDaysSupply} · refills ${order.refills}`],
          ['Pharmacy', order.pharmacyName],
          ['Delivery', deliveryOf(order)],
        ]}
      />
      <OrderLinesTable lines={order.lines} label="Lines to sign" />
      <p id={`${id}-meaning`}>
        Your signature means: <span className="signing-meaning">{ORDER_SIGNATURE_MEANING}</span>. Your name,
        the date and time, and this meaning are kept with the order and shown wherever it is.
      </p>
      <form ref={form} onSubmit={(event) => void onSubmit(event)} aria-label="Password to sign">
        <TextField
          type="password"
          label="Your password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          hint="The password you sign in with: it confirms that you are signing."
          error={refusal?.message ?? null}
          announce
        />
        <div className="order-action-row">
          <button
            type="submit"
            disabled={result.fetching || password === ''}
            aria-describedby={`${id}-meaning`}
          >
            {result.fetching ? 'Signing…' : 'Sign'}
          </button>
          <button type="button" className="button-secondary" onClick={onCancel} disabled={result.fetching}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}
