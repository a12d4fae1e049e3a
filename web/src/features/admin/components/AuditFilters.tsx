import { type FormEvent, useId, useState } from 'react';
import { ErrorNotice } from '../../../components/ui/QueryState.tsx';
import { FieldError } from '../../../components/ui/TextField.tsx';
import { useOrganisations } from '../api/organisations.ts';
import { usePeople } from '../api/people.ts';
import { type AuditFilterValues, KNOWN_ACTIONS, NO_AUDIT_FILTER, periodProblem } from '../audit-filter.ts';

/** Person, organisation, action and period; applied together with "Show". */
export function AuditFilters({
  initial,
  onApply,
}: {
  initial: AuditFilterValues;
  onApply: (values: AuditFilterValues) => void;
}) {
  const id = useId();
  const [values, setValues] = useState(initial);
  const [attempted, setAttempted] = useState(false);
  const [people] = usePeople();
  const [organisations] = useOrganisations();
  const set = (field: keyof AuditFilterValues) => (value: string) => setValues({ ...values, [field]: value });

  const problem = periodProblem(values);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setAttempted(true);
    if (problem === null) onApply(values);
  };
  const clear = () => {
    setValues(NO_AUDIT_FILTER);
    setAttempted(false);
    onApply(NO_AUDIT_FILTER);
  };
  const listError = people.error ?? organisations.error;

  return (
    <form className="filters" onSubmit={onSubmit} noValidate aria-label="Filter the audit log">
      {listError !== undefined && <ErrorNotice error={listError} />}
      <div className="field">
        <label htmlFor={`${id}-person`}>Person</label>
        <select
          id={`${id}-person`}
          value={values.actorId}
          onChange={(event) => set('actorId')(event.target.value)}
        >
          <option value="">
            {people.fetching && people.data === undefined ? 'Loading people…' : 'Anyone'}
          </option>
          {people.data?.people.map((person) => (
            <option key={person.id} value={person.id}>
              {person.name} ({person.email})
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-organisation`}>Organisation</label>
        <select
          id={`${id}-organisation`}
          value={values.organisationId}
          onChange={(event) => set('organisationId')(event.target.value)}
        >
          <option value="">
            {organisations.fetching && organisations.data === undefined ? 'Loading organisations…' : 'Any'}
          </option>
          {organisations.data?.organisations.map((organisation) => (
            <option key={organisation.id} value={organisation.id}>
              {organisation.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-action`}>Action</label>
        <input
          id={`${id}-action`}
          type="text"
          list={`${id}-actions`}
          autoComplete="off"
          aria-describedby={`${id}-action-hint`}
          value={values.action}
          onChange={(event) => set('action')(event.target.value)}
        />
        <datalist id={`${id}-actions`}>
          {KNOWN_ACTIONS.map((action) => (
            <option key={action} value={action} />
          ))}
        </datalist>
        <p id={`${id}-action-hint`} className="hint">
          Exactly one action, e.g. DEACTIVATE.
        </p>
      </div>
      <div className="field">
        <label htmlFor={`${id}-from`}>From</label>
        <input
          id={`${id}-from`}
          type="date"
          value={values.from}
          onChange={(event) => set('from')(event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-to`}>To (included)</label>
        <input
          id={`${id}-to`}
          type="date"
          value={values.to}
          aria-invalid={attempted && problem !== null}
          aria-describedby={attempted && problem !== null ? `${id}-to-error` : undefined}
          onChange={(event) => set('to')(event.target.value)}
        />
        <FieldError announce id={`${id}-to-error`} message={attempted ? problem : null} />
      </div>
      <div className="button-row filters-actions">
        <button type="submit">Show</button>
        <button type="button" className="button-secondary" onClick={clear}>
          Clear filters
        </button>
      </div>
    </form>
  );
}
