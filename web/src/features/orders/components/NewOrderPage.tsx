import { CONDITIONS } from '@ldn/rules';
import type { CombinedError } from '@urql/core';
import { useCallback, useMemo, useState } from 'react';
import { PageHeader } from '../../../components/ui/Page.tsx';
import { PatientBanner } from '../../../components/ui/PatientBanner.tsx';
import { QueryState } from '../../../components/ui/QueryState.tsx';
import { localToday } from '../../../lib/dates.ts';
import { formatDate, humanize, patientName } from '../../../lib/format.ts';
import { Link, useNavigate } from '../../../lib/router.tsx';
import { type OrderInput, useCreateOrder } from '../api/create-order.ts';
import { type OrderFormTrial, type OrderPharmacy, useOrderFormTrial } from '../api/order-form-trial.ts';
import { canOrderFor, newOrderForm, scheduleOf } from '../order-form.ts';
import { OrderForm } from './OrderForm.tsx';

/** `/trials/:trialId/orders/new`: a DRAFT order from the trial, previewed with the rules package. */
export function NewOrderPage({ trialId }: { trialId: string }) {
  const [result, refetch] = useOrderFormTrial(trialId);
  const reload = useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]);
  return (
    <QueryState
      result={result}
      loadingLabel="Loading the trial…"
      wording={{ NOT_FOUND: 'This trial is not in your clinic’s records.' }}
      onRetry={reload}
    >
      {({ me, trial, orderPharmacies }) => (
        <NewOrderView trial={trial} pharmacies={orderPharmacies} clinician={me?.role === 'CLINICIAN'} />
      )}
    </QueryState>
  );
}

interface NewOrderViewProps {
  trial: OrderFormTrial;
  pharmacies: readonly OrderPharmacy[];
  clinician: boolean;
}

function NewOrderView({ trial, pharmacies, clinician }: NewOrderViewProps) {
  const navigate = useNavigate();
  const [result, createOrder] = useCreateOrder();
  const [error, setError] = useState<CombinedError | null>(null);
  // One key per form: a double click or a retry of this form makes one order (createOrder's key).
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const schedule = useMemo(() => scheduleOf(trial), [trial]);
  const [initialValues] = useState(() => newOrderForm(trial, localToday()));
  const name = patientName(trial.patient);
  const trialPath = `/trials/${trial.id}`;

  const onSave = async (input: OrderInput) => {
    const answer = await createOrder({ trialId: trial.id, input, idempotencyKey });
    setError(answer.error ?? null);
    const created = answer.data?.createOrder;
    if (answer.error === undefined && created !== undefined) navigate(`/orders/${created.id}`);
  };

  return (
    <>
      <p>
        <Link to={trialPath}>Back to the trial</Link>
      </p>
      <PatientBanner patient={trial.patient} />
      <PageHeader
        title={`New order: ${name}`}
        subtitle={
          <>
            {CONDITIONS[trial.condition].label} trial · MRN {trial.patient.mrn} · started{' '}
            {formatDate(trial.startDate)} · allergies: {trial.patient.allergies ?? 'none recorded'}
          </>
        }
      />
      {canOrderFor(trial.state) ? (
        <>
          <p className="notice notice-info">
            {clinician
              ? 'Saved as a draft; you sign and submit it to the pharmacy from the order’s page.'
              : 'You prepare the draft; a clinician signs and submits it to the pharmacy.'}
          </p>
          <OrderForm
            initialValues={initialValues}
            schedule={schedule}
            pharmacies={pharmacies}
            otherOrders={trial.orders}
            minimumWords={trial.policy.overrideReasonMinimumWords}
            submitLabel="Save draft order"
            busy={result.fetching}
            error={error}
            onSave={(input) => void onSave(input)}
          />
        </>
      ) : (
        <div className="notice notice-error" role="alert">
          <p>
            No order can be made while the trial is {humanize(trial.state).toLowerCase()}.{' '}
            <Link to={trialPath}>Back to the trial</Link>
          </p>
        </div>
      )}
    </>
  );
}
