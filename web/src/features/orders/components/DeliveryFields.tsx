import { type ReactNode, useId } from 'react';
import type { Delivery, OrderFormValues } from '../order-form.ts';

type ShipTo = OrderFormValues['shipTo'];

const ADDRESS_FIELDS: ReadonlyArray<{ key: keyof ShipTo; label: string; required: boolean }> = [
  { key: 'line1', label: 'Address line 1', required: true },
  { key: 'line2', label: 'Address line 2', required: false },
  { key: 'city', label: 'City', required: true },
  { key: 'region', label: 'State or region', required: false },
  { key: 'postalCode', label: 'Postal code', required: true },
];

/** Shipped (to the patient's address unless changed) or picked up at the pharmacy. */
export function DeliveryFields({
  delivery,
  shipTo,
  onDelivery,
  onShipTo,
  error,
}: {
  delivery: Delivery;
  shipTo: ShipTo;
  onDelivery(delivery: Delivery): void;
  onShipTo(shipTo: ShipTo): void;
  error: ReactNode;
}) {
  const id = useId();
  return (
    <fieldset>
      <legend>Delivery</legend>
      <fieldset className="order-choice-group">
        <legend>How the patient gets it</legend>
        <label className="order-choice">
          <input
            type="radio"
            name={`${id}-delivery`}
            checked={delivery === 'SHIP'}
            onChange={() => onDelivery('SHIP')}
          />
          Ship to the patient
        </label>
        <label className="order-choice">
          <input
            type="radio"
            name={`${id}-delivery`}
            checked={delivery === 'PICKUP'}
            onChange={() => onDelivery('PICKUP')}
          />
          Pick up at the pharmacy
        </label>
      </fieldset>
      {delivery === 'SHIP' && (
        <>
          <p className="hint">The patient’s address on file, unless changed here.</p>
          {ADDRESS_FIELDS.map((field) => (
            <div className="field" key={field.key}>
              <label htmlFor={`${id}-${field.key}`}>
                {field.label}
                {!field.required && <span className="muted"> (optional)</span>}
              </label>
              <input
                id={`${id}-${field.key}`}
                required={field.required}
                value={shipTo[field.key]}
                onChange={(event) => onShipTo({ ...shipTo, [field.key]: event.target.value })}
              />
            </div>
          ))}
        </>
      )}
      {error}
    </fieldset>
  );
}
