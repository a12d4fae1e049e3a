import type { CombinedError } from '@urql/core';
import { useId } from 'react';
import { TextField } from '../../../components/ui/TextField.tsx';
import { fieldErrorOf } from '../../../lib/errors.ts';
import type { EditableKind, OrganisationValues } from '../organisation-values.ts';

/** The fields the API may refuse one by one; any other refusal is shown under the form. */
export const ORGANISATION_FIELDS = [
  'kind',
  'name',
  'addressLine1',
  'addressLine2',
  'city',
  'region',
  'postalCode',
  'phone',
  'licenceNumber',
  'defaultPharmacyId',
  'allowedPharmacyIds',
] as const;

type FieldName = (typeof ORGANISATION_FIELDS)[number];

/**
 * Name, address, phone; a pharmacy's licence number; a clinic's allowed pharmacies and, among
 * them, its default. Each field shows the browser's problem with it or the API's refusal of it.
 */
export function OrganisationFields({
  kind,
  values,
  onChange,
  pharmacies,
  problems,
  error,
}: {
  kind: EditableKind;
  values: OrganisationValues;
  onChange: (values: OrganisationValues) => void;
  /** The pharmacies a clinic may choose from. */
  pharmacies: ReadonlyArray<{ id: string; name: string }>;
  /** The browser's problems, shown once the person has tried to save. */
  problems: Partial<Record<string, string>>;
  error: CombinedError | undefined;
}) {
  const id = useId();
  const problemOf = (field: FieldName) => fieldErrorOf(error, field) ?? problems[field] ?? null;
  const set = (field: keyof OrganisationValues) => (value: string) => onChange({ ...values, [field]: value });

  const toggleAllowed = (pharmacyId: string, allowed: boolean) => {
    const allowedPharmacyIds = allowed
      ? [...values.allowedPharmacyIds, pharmacyId]
      : values.allowedPharmacyIds.filter((candidate) => candidate !== pharmacyId);
    // A default that is no longer allowed is no default (the API would refuse it).
    const defaultPharmacyId = allowedPharmacyIds.includes(values.defaultPharmacyId)
      ? values.defaultPharmacyId
      : (allowedPharmacyIds[0] ?? '');
    onChange({ ...values, allowedPharmacyIds, defaultPharmacyId });
  };

  const allowedProblem = problemOf('allowedPharmacyIds');
  const defaultProblem = problemOf('defaultPharmacyId');
  const allowedChoices = pharmacies.filter((pharmacy) => values.allowedPharmacyIds.includes(pharmacy.id));

  return (
    <>
      <TextField
        label="Name"
        required
        autoComplete="off"
        value={values.name}
        onChange={set('name')}
        announce
        error={problemOf('name')}
      />
      <TextField
        label="Address line 1"
        autoComplete="off"
        value={values.addressLine1}
        onChange={set('addressLine1')}
        announce
        error={problemOf('addressLine1')}
      />
      <TextField
        label="Address line 2"
        autoComplete="off"
        value={values.addressLine2}
        onChange={set('addressLine2')}
        announce
        error={problemOf('addressLine2')}
      />
      <div className="field-row">
        <TextField
          label="City"
          autoComplete="off"
          value={values.city}
          onChange={set('city')}
          announce
          error={problemOf('city')}
        />
        <TextField
          label="State"
          autoComplete="off"
          value={values.region}
          onChange={set('region')}
          announce
          error={problemOf('region')}
        />
        <TextField
          label="ZIP code"
          autoComplete="off"
          value={values.postalCode}
          onChange={set('postalCode')}
          announce
          error={problemOf('postalCode')}
        />
      </div>
      <TextField
        label="Phone"
        type="tel"
        autoComplete="off"
        value={values.phone}
        onChange={set('phone')}
        announce
        error={problemOf('phone')}
      />
      {kind === 'PHARMACY' && (
        <TextField
          label="Licence number"
          required
          autoComplete="off"
          hint="The pharmacy's state board of pharmacy licence."
          value={values.licenceNumber}
          onChange={set('licenceNumber')}
          announce
          error={problemOf('licenceNumber')}
        />
      )}
      {kind === 'CLINIC' && (
        <>
          <fieldset
            className="field checkbox-group"
            aria-describedby={allowedProblem === null ? `${id}-allowed-hint` : `${id}-allowed-error`}
          >
            <legend>Pharmacies it may send orders to</legend>
            {pharmacies.length === 0 ? (
              <p id={`${id}-allowed-hint`} className="hint">
                No pharmacies yet: add one first, then come back to choose it.
              </p>
            ) : (
              <>
                <p id={`${id}-allowed-hint`} className="hint">
                  A prescriber picks one of these for each order.
                </p>
                {pharmacies.map((pharmacy) => (
                  <label key={pharmacy.id} className="checkbox">
                    <input
                      type="checkbox"
                      checked={values.allowedPharmacyIds.includes(pharmacy.id)}
                      onChange={(event) => toggleAllowed(pharmacy.id, event.target.checked)}
                    />
                    {pharmacy.name}
                  </label>
                ))}
              </>
            )}
            {allowedProblem !== null && (
              <p id={`${id}-allowed-error`} className="field-error" role="alert">
                {allowedProblem}
              </p>
            )}
          </fieldset>
          <div className="field">
            <label htmlFor={`${id}-default`}>Default pharmacy</label>
            <select
              id={`${id}-default`}
              value={values.defaultPharmacyId}
              disabled={allowedChoices.length === 0}
              aria-invalid={defaultProblem !== null}
              aria-describedby={`${id}-default-hint${defaultProblem === null ? '' : ` ${id}-default-error`}`}
              onChange={(event) => onChange({ ...values, defaultPharmacyId: event.target.value })}
            >
              <option value="">No default</option>
              {allowedChoices.map((pharmacy) => (
                <option key={pharmacy.id} value={pharmacy.id}>
                  {pharmacy.name}
                </option>
              ))}
            </select>
            <p id={`${id}-default-hint`} className="hint">
              Orders go here unless the prescriber picks another allowed pharmacy.
            </p>
            {defaultProblem !== null && (
              <p id={`${id}-default-error`} className="field-error" role="alert">
                {defaultProblem}
              </p>
            )}
          </div>
        </>
      )}
    </>
  );
}
