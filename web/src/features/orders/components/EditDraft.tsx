import type { CombinedError } from '@urql/core';
import { useMemo, useState } from 'react';
import { QueryState } from '../../../components/ui/QueryState.tsx';
import { localToday } from '../../../lib/dates.ts';
import { apiErrorOf } from '../../../lib/errors.ts';
import type { ClinicOrder } from '../api/clinic-order.ts';
import type { OrderInput } from '../api/create-order.ts';
import { type OrderFormTrial, type OrderPharmacy, useOrderFormTrial } from '../api/order-form-trial.ts';
import { useUpdateOrderDraft } from '../api/update-order-draft.ts';
import { newOrderForm, orderFormOf, scheduleOf } from '../order-form.ts';
import { OrderForm } from './OrderForm.tsx';

interface EditDraftProps {
  order: ClinicOrder;
  /** After a save (the order reloads by itself) or when the person gives up. */
  onClose(): void;
  /** A stale version: someone else changed the order. */
  onConflict(): void;
}

/** Rewrites a DRAFT with the same form and preview as a new order; sends the version read. */
export function EditDraft(props: EditDraftProps) {
  const [result] = useOrderFormTrial(props.order.trialId);
  return (
    <QueryState result={result} loadingLabel="Loading the trial’s schedule…">
      {({ trial, orderPharmacies }) => (
        <EditDraftForm {...props} trial={trial} pharmacies={orderPharmacies} />
      )}
    </QueryState>
  );
}

function EditDraftForm({
  order,
  trial,
  pharmacies,
  onClose,
  onConflict,
}: EditDraftProps & { trial: OrderFormTrial; pharmacies: readonly OrderPharmacy[] }) {
  const [result, updateDraft] = useUpdateOrderDraft();
  const [error, setError] = useState<CombinedError | null>(null);
  const schedule = useMemo(() => scheduleOf(trial), [trial]);
  // The draft is checked against the trial's other orders, not against itself (as the API does).
  const otherOrders = useMemo(() => trial.orders.filter((other) => other.id !== order.id), [trial, order.id]);
  const [initialValues] = useState(() => orderFormOf(order, newOrderForm(trial, localToday())));

  const onSave = async (input: OrderInput) => {
    const answer = await updateDraft({ order: { orderId: order.id, version: order.version }, input });
    setError(answer.error ?? null);
    if (answer.error === undefined) onClose();
    else if (apiErrorOf(answer.error).code === 'CONFLICT') onConflict();
  };

  return (
    <>
      <OrderForm
        initialValues={initialValues}
        schedule={schedule}
        pharmacies={pharmacies}
        otherOrders={otherOrders}
        minimumWords={trial.policy.overrideReasonMinimumWords}
        submitLabel="Save changes"
        busy={result.fetching}
        error={error}
        onSave={(input) => void onSave(input)}
      />
      <button type="button" className="button-secondary" onClick={onClose}>
        Stop editing
      </button>
    </>
  );
}
