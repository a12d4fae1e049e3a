import { FieldError, TextField } from '../../../components/ui/TextField.tsx';
import { localToday } from '../../../lib/dates.ts';
import type { DetailField, PatientDetailsDraft } from './patient-details.ts';

/** Name, date of birth, MRN, contact details and allergies: the same fields to register and to edit. */
export function PatientDetailsFields({
  idPrefix,
  draft,
  onChange,
  errors,
}: {
  idPrefix: string;
  draft: PatientDetailsDraft;
  onChange: (field: DetailField, value: string) => void;
  errors: Partial<Record<DetailField, string>>;
}) {
  const field = (name: DetailField) => ({
    id: `${idPrefix}-${name}`,
    value: draft[name],
    onChange: (value: string) => onChange(name, value),
    error: errors[name],
  });
  return (
    <>
      <fieldset className="record-group">
        <legend>Patient</legend>
        <div className="record-grid">
          <TextField {...field('givenName')} label="Given name" required autoComplete="off" />
          <TextField {...field('familyName')} label="Family name" required autoComplete="off" />
          <TextField
            {...field('dateOfBirth')}
            label="Date of birth"
            type="date"
            required
            max={localToday()}
          />
          <TextField
            {...field('mrn')}
            label="MRN"
            required
            autoComplete="off"
            hint="Medical record number, unique within the clinic."
          />
        </div>
      </fieldset>
      <fieldset className="record-group">
        <legend>Contact</legend>
        <div className="record-grid">
          <TextField {...field('phone')} label="Phone" type="tel" autoComplete="off" />
          <TextField {...field('email')} label="Email" type="email" autoComplete="off" />
          <TextField {...field('addressLine1')} label="Address line 1" autoComplete="off" />
          <TextField {...field('addressLine2')} label="Address line 2" autoComplete="off" />
          <TextField {...field('city')} label="City" autoComplete="off" />
          <TextField {...field('region')} label="Region" autoComplete="off" />
          <TextField {...field('postalCode')} label="Postal code" autoComplete="off" />
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor={`${idPrefix}-allergies`}>Allergies</label>
        <textarea
          id={`${idPrefix}-allergies`}
          rows={2}
          value={draft.allergies}
          onChange={(event) => onChange('allergies', event.target.value)}
          aria-describedby={`${idPrefix}-allergies-hint${errors.allergies === undefined ? '' : ` ${idPrefix}-allergies-error`}`}
          aria-invalid={errors.allergies === undefined ? undefined : true}
        />
        <p id={`${idPrefix}-allergies-hint`} className="hint">
          The pharmacy sees this on orders. Leave empty when none are known.
        </p>
        <FieldError id={`${idPrefix}-allergies-error`} message={errors.allergies} />
      </div>
    </>
  );
}
