import {
  FORMULATIONS,
  type Formulation,
  isSufficientOverrideReason,
  type TitrationInput,
  type TrialOrderSupply,
} from '@ldn/rules';
import type { CombinedError } from '@urql/core';
import { type FormEvent, useId, useMemo, useState } from 'react';
import { FindingList } from '../../../components/ui/FindingList.tsx';
import { apiErrorOf, describeApiError } from '../../../lib/errors.ts';
import { humanize } from '../../../lib/format.ts';
import { findingsToShow, type OverrideReasons, overridesFor } from '../../../lib/override-reasons.ts';
import type { OrderInput } from '../api/create-order.ts';
import {
  formProblems,
  isLiquid,
  type LiquidVehicle,
  MAX_DAYS_SUPPLY,
  MAX_REFILLS,
  type OrderFormValues,
  orderInputOf,
  overlapFindings,
  previewOrder,
} from '../order-form.ts';
import { DeliveryFields } from './DeliveryFields.tsx';
import { fieldOfError, ORDER_WORDING, OrderError } from './OrderError.tsx';
import { OrderPreview } from './OrderPreview.tsx';

const VEHICLES: readonly LiquidVehicle[] = ['NON_AQUEOUS', 'PRESERVED_AQUEOUS', 'NON_PRESERVED_AQUEOUS'];

export interface PharmacyChoice {
  id: string;
  name: string;
  city: string | null;
  isDefault: boolean;
}

interface OrderFormProps {
  initialValues: OrderFormValues;
  schedule: TitrationInput;
  /** The pharmacies the clinic may send orders to (`orderPharmacies`), its default among them. */
  pharmacies: readonly PharmacyChoice[];
  /** The trial's other orders (not the one edited), for the overlap soft stops. */
  otherOrders: readonly TrialOrderSupply[];
  /** The trial's policy: the fewest words an override reason may have. */
  minimumWords: number;
  submitLabel: string;
  busy: boolean;
  /** The API's refusal of the last save. */
  error: CombinedError | null;
  onSave(input: OrderInput): void;
}

/**
 * What to compound, where it goes and how it is paid, with a live preview of the lines from the
 * rules package; a dose the rules refuse cannot be saved. An order that overlaps an open order of
 * the trial or supply already dispensed is shown as a soft stop, saved only with a reason for it
 * (the API's own refusal, when it finds more, shows its findings the same way).
 */
export function OrderForm({
  initialValues,
  schedule,
  pharmacies,
  otherOrders,
  minimumWords,
  submitLabel,
  busy,
  error,
  onSave,
}: OrderFormProps) {
  const id = useId();
  const [values, setValues] = useState(() => withDefaultPharmacy(initialValues, pharmacies));
  const set = <Key extends keyof OrderFormValues>(key: Key, value: OrderFormValues[Key]) =>
    setValues((current) => ({ ...current, [key]: value }));
  const preview = useMemo(() => previewOrder(values, schedule), [values, schedule]);
  const problems = formProblems(values);
  const [reasons, setReasons] = useState<OverrideReasons>({});
  const overlaps = useMemo(
    () => overlapFindings(values, preview, otherOrders),
    [values, preview, otherOrders],
  );
  const findings = findingsToShow(overlaps, error);
  const overrides = overridesFor(findings, reasons);
  const reasonsMissing = findings.filter(
    (finding) =>
      finding.severity === 'SOFT_STOP' && !isSufficientOverrideReason(reasons[finding.code], minimumWords),
  ).length;
  const refusedForReasons = error !== null && apiErrorOf(error).code === 'OVERRIDE_REQUIRED';
  const errorField = fieldOfError(error);
  const fieldError = (fields: readonly string[]) =>
    error !== null && errorField !== null && fields.includes(errorField) ? (
      <p className="field-error" role="alert">
        {describeApiError(apiErrorOf(error), ORDER_WORDING)}
      </p>
    ) : null;
  const shownNearField = errorField !== null && ['pharmacyId', 'shipTo'].includes(errorField);
  const defaultPharmacy = pharmacies.find((pharmacy) => pharmacy.isDefault);
  const liquid = isLiquid(values.formulation);
  const pack = values.kind === 'TITRATION_PACK';

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy || preview.status !== 'ready' || problems.length > 0 || reasonsMissing > 0) return;
    onSave({ ...orderInputOf(values), ...(overrides.length > 0 && { overrides }) });
  };

  return (
    <form className="order-form" onSubmit={onSubmit} aria-label="Order" noValidate>
      <div className="grid-2">
        <div>
          <fieldset>
            <legend>What to compound</legend>
            <fieldset className="order-choice-group">
              <legend>Kind</legend>
              <label className="order-choice">
                <input
                  type="radio"
                  name={`${id}-kind`}
                  checked={pack}
                  onChange={() => set('kind', 'TITRATION_PACK')}
                />
                Titration pack (follows the trial’s schedule)
              </label>
              <label className="order-choice">
                <input
                  type="radio"
                  name={`${id}-kind`}
                  checked={!pack}
                  onChange={() => set('kind', 'SINGLE_STRENGTH')}
                />
                Single strength
              </label>
            </fieldset>
            <div className="field">
              <label htmlFor={`${id}-formulation`}>Formulation</label>
              <select
                id={`${id}-formulation`}
                value={values.formulation}
                onChange={(event) => set('formulation', event.target.value as Formulation)}
              >
                {(Object.keys(FORMULATIONS) as Formulation[]).map((formulation) => (
                  <option key={formulation} value={formulation}>
                    {FORMULATIONS[formulation].label}
                  </option>
                ))}
              </select>
            </div>
            {liquid && (
              <div className="order-field-row">
                <div className="field">
                  <label htmlFor={`${id}-strength`}>Liquid strength (mg/mL)</label>
                  <input
                    id={`${id}-strength`}
                    inputMode="decimal"
                    required
                    value={values.liquidStrengthMgPerMl}
                    onChange={(event) => set('liquidStrengthMgPerMl', event.target.value)}
                  />
                </div>
                <div className="field">
                  <label htmlFor={`${id}-vehicle`}>Vehicle</label>
                  <select
                    id={`${id}-vehicle`}
                    value={values.vehicle}
                    onChange={(event) => set('vehicle', event.target.value as LiquidVehicle | '')}
                  >
                    <option value="">Not specified</option>
                    {VEHICLES.map((vehicle) => (
                      <option key={vehicle} value={vehicle}>
                        {humanize(vehicle)}
                      </option>
                    ))}
                  </select>
                </div>
              </div>
            )}
            {!pack && (
              <div className="field">
                <label htmlFor={`${id}-dose`}>Nightly dose (mg)</label>
                <input
                  id={`${id}-dose`}
                  inputMode="decimal"
                  required
                  value={values.doseMg}
                  onChange={(event) => set('doseMg', event.target.value)}
                />
              </div>
            )}
            <div className="order-field-row">
              <div className="field">
                <label htmlFor={`${id}-days`}>{pack ? 'Nights at the target dose' : 'Days’ supply'}</label>
                <input
                  id={`${id}-days`}
                  type="number"
                  min={1}
                  max={MAX_DAYS_SUPPLY}
                  required
                  value={values.daysSupply}
                  onChange={(event) => set('daysSupply', event.target.value)}
                  aria-describedby={`${id}-days-hint`}
                />
                <p id={`${id}-days-hint`} className="hint">
                  {pack
                    ? 'Each step is covered until the next; then this many nights at the target.'
                    : `1 to ${MAX_DAYS_SUPPLY} nights.`}
                </p>
              </div>
              <div className="field">
                <label htmlFor={`${id}-from`}>First night</label>
                <input
                  id={`${id}-from`}
                  type="date"
                  required
                  value={values.fromDate}
                  onChange={(event) => set('fromDate', event.target.value)}
                />
              </div>
              <div className="field">
                <label htmlFor={`${id}-need-by`}>Need by</label>
                <input
                  id={`${id}-need-by`}
                  type="date"
                  value={values.needBy}
                  onChange={(event) => set('needBy', event.target.value)}
                  aria-describedby={`${id}-need-by-hint`}
                />
                <p id={`${id}-need-by-hint`} className="hint">
                  When the patient needs it; left empty, the first night.
                </p>
              </div>
              <div className="field">
                <label htmlFor={`${id}-refills`}>Refills</label>
                <input
                  id={`${id}-refills`}
                  type="number"
                  min={0}
                  max={MAX_REFILLS}
                  required
                  value={values.refills}
                  onChange={(event) => set('refills', event.target.value)}
                />
              </div>
            </div>
            <div className="field">
              <label htmlFor={`${id}-excipients`}>Excipient and filler notes</label>
              <textarea
                id={`${id}-excipients`}
                rows={2}
                maxLength={500}
                value={values.excipientNotes}
                placeholder="e.g. no slow-release filler"
                onChange={(event) => set('excipientNotes', event.target.value)}
              />
            </div>
          </fieldset>
          <fieldset>
            <legend>Pharmacy and payment</legend>
            <div className="field">
              <label htmlFor={`${id}-pharmacy`}>Pharmacy</label>
              <select
                id={`${id}-pharmacy`}
                value={values.pharmacyId}
                onChange={(event) => set('pharmacyId', event.target.value)}
                aria-describedby={`${id}-pharmacy-hint`}
              >
                {defaultPharmacy === undefined && <option value="">Choose a pharmacy</option>}
                {pharmacies.map((pharmacy) => (
                  <option key={pharmacy.id} value={pharmacy.id}>
                    {pharmacyLabel(pharmacy)}
                    {pharmacy.isDefault ? ' (default)' : ''}
                  </option>
                ))}
              </select>
              <p id={`${id}-pharmacy-hint`} className="hint">
                {defaultPharmacy === undefined
                  ? 'Your clinic has no default pharmacy; the network administrator sets the pharmacies it may use.'
                  : 'The pharmacies your clinic may send orders to.'}
              </p>
              {fieldError(['pharmacyId'])}
            </div>
            <fieldset className="order-choice-group">
              <legend>Payment</legend>
              <label className="order-choice">
                <input
                  type="radio"
                  name={`${id}-payment`}
                  checked={values.payment === 'SELF_PAY'}
                  onChange={() => set('payment', 'SELF_PAY')}
                />
                Self-pay
              </label>
              <label className="order-choice">
                <input
                  type="radio"
                  name={`${id}-payment`}
                  checked={values.payment === 'INSURANCE'}
                  onChange={() => set('payment', 'INSURANCE')}
                />
                Insurance
              </label>
            </fieldset>
            {values.payment === 'INSURANCE' && (
              <div className="field">
                <label htmlFor={`${id}-insurance`}>Insurance note</label>
                <textarea
                  id={`${id}-insurance`}
                  rows={2}
                  maxLength={300}
                  value={values.insuranceNote}
                  onChange={(event) => set('insuranceNote', event.target.value)}
                />
              </div>
            )}
          </fieldset>
          <DeliveryFields
            delivery={values.delivery}
            shipTo={values.shipTo}
            onDelivery={(delivery) => set('delivery', delivery)}
            onShipTo={(shipTo) => set('shipTo', shipTo)}
            error={fieldError(['shipTo'])}
          />
        </div>
        <div>
          <OrderPreview preview={preview} headingId={`${id}-preview`} />
          <FindingList
            findings={findings}
            reasons={reasons}
            onReasonChange={(code, reason) => setReasons((current) => ({ ...current, [code]: reason }))}
            minimumWords={minimumWords}
            label="Before you save"
          />
          {reasonsMissing > 0 && (
            <p className="hint">
              Give a reason for each soft stop to save ({reasonsMissing} still without one).
            </p>
          )}
          {problems.length > 0 && (
            <ul className="field-error plain-list">
              {problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          )}
          <button
            type="submit"
            disabled={busy || preview.status !== 'ready' || problems.length > 0 || reasonsMissing > 0}
          >
            {busy ? 'Saving…' : submitLabel}
          </button>
          {/* A refusal for want of reasons is shown above, with a box for each. */}
          {!shownNearField && !refusedForReasons && <OrderError error={error} />}
        </div>
      </div>
    </form>
  );
}

/** A new order names the clinic's default pharmacy rather than leaving the choice to the server. */
function withDefaultPharmacy(
  values: OrderFormValues,
  pharmacies: readonly PharmacyChoice[],
): OrderFormValues {
  const fallback = pharmacies.find((pharmacy) => pharmacy.isDefault);
  return values.pharmacyId === '' && fallback !== undefined ? { ...values, pharmacyId: fallback.id } : values;
}

function pharmacyLabel(pharmacy: PharmacyChoice): string {
  return pharmacy.city === null ? pharmacy.name : `${pharmacy.name}, ${pharmacy.city}`;
}
