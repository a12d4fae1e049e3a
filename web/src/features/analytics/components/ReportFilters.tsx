import { CONDITION_CODES, CONDITIONS, type ConditionCode } from '@ldn/rules';
import { type FormEvent, useId, useState } from 'react';
import type { ContinuationFilter } from '../api/continuation-report.ts';

export interface ClinicOption {
  id: string;
  label: string;
}

/** Which trials the report covers: start dates, conditions and one clinic (or all). */
export function ReportFilters({
  clinics,
  onApply,
}: {
  clinics: readonly ClinicOption[];
  onApply(filter: ContinuationFilter): void;
}) {
  const id = useId();
  const [startedFrom, setStartedFrom] = useState('');
  const [startedTo, setStartedTo] = useState('');
  const [conditions, setConditions] = useState<ConditionCode[]>([]);
  const [clinicId, setClinicId] = useState('');

  function toggle(code: ConditionCode, checked: boolean) {
    setConditions((current) => (checked ? [...current, code] : current.filter((c) => c !== code)));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    onApply({
      ...(startedFrom !== '' && { startedFrom }),
      ...(startedTo !== '' && { startedTo }),
      ...(conditions.length > 0 && { conditions }),
      ...(clinicId !== '' && { clinicIds: [clinicId] }),
    });
  }

  return (
    <form className="analytics-filters" aria-label="Report filters" onSubmit={submit}>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0 1.5rem' }}>
        <div className="field">
          <label htmlFor={`${id}-from`}>Started from</label>
          <input
            id={`${id}-from`}
            type="date"
            value={startedFrom}
            onChange={(event) => setStartedFrom(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-to`}>Started to</label>
          <input
            id={`${id}-to`}
            type="date"
            value={startedTo}
            onChange={(event) => setStartedTo(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-clinic`}>Clinic</label>
          <select id={`${id}-clinic`} value={clinicId} onChange={(event) => setClinicId(event.target.value)}>
            <option value="">All clinics</option>
            {clinics.map((clinic) => (
              <option key={clinic.id} value={clinic.id}>
                {clinic.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <fieldset className="field">
        <legend>Conditions (none ticked: every condition)</legend>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0.25rem 1.25rem' }}>
          {CONDITION_CODES.map((code) => (
            <label
              key={code}
              style={{ fontWeight: 400, display: 'inline-flex', alignItems: 'center', gap: '0.4rem' }}
            >
              <input
                type="checkbox"
                style={{ minHeight: 'auto', padding: 0, margin: 0 }}
                checked={conditions.includes(code)}
                onChange={(event) => toggle(code, event.target.checked)}
              />
              {CONDITIONS[code].label}
            </label>
          ))}
        </div>
      </fieldset>
      <button type="submit">Apply filters</button>
    </form>
  );
}
