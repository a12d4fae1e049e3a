import { type FormEvent, useId, useState } from 'react';
import { ErrorNotice } from '../../../components/ui/QueryState.tsx';
import { FieldError } from '../../../components/ui/TextField.tsx';
import { useAuditActions } from '../api/audit-actions.ts';
import { useOrganisations } from '../api/organisations.ts';
import { usePeople } from '../api/people.ts';
import { RECORD_KINDS } from '../audit-description.ts';
import { type AuditFilterValues, NO_AUDIT_FILTER, periodProblem, subjectProblem } from '../audit-filter.ts';

/** Person, organisation, action, patient (clinic and MRN), record and period; applied together with "Show". */
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
  const [actions] = useAuditActions();
  const set = (field: keyof AuditFilterValues) => (value: string) => setValues({ ...values, [field]: value });

  const problem = periodProblem(values);
  const subject = subjectProblem(values);
  const subjectError = (field: 'mrn' | 'recordId') =>
    attempted && subject?.field === field ? subject.message : null;
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setAttempted(true);
    if (problem === null && subject === null) onApply(values);
  };
  const clear = () => {
    setValues(NO_AUDIT_FILTER);
    setAttempted(false);
    onApply(NO_AUDIT_FILTER);
  };
  const listError = people.error ?? organisations.error ?? actions.error;
  const clinics = organisations.data?.organisations.filter((organisation) => organisation.kind === 'CLINIC');

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
        <select
          id={`${id}-action`}
          value={values.action}
          onChange={(event) => set('action')(event.target.value)}
        >
          <option value="">
            {actions.fetching && actions.data === undefined ? 'Loading actions…' : 'Any'}
          </option>
          {actions.data?.auditActions.map((action) => (
            <option key={action} value={action}>
              {action}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-clinic`}>Patient's clinic</label>
        <select
          id={`${id}-clinic`}
          value={values.clinicId}
          onChange={(event) => set('clinicId')(event.target.value)}
        >
          <option value="">Any patient</option>
          {clinics?.map((clinic) => (
            <option key={clinic.id} value={clinic.id}>
              {clinic.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-mrn`}>Patient's MRN</label>
        <input
          id={`${id}-mrn`}
          type="text"
          autoComplete="off"
          value={values.mrn}
          aria-invalid={subjectError('mrn') !== null}
          aria-describedby={`${id}-mrn-hint${subjectError('mrn') === null ? '' : ` ${id}-mrn-error`}`}
          onChange={(event) => set('mrn')(event.target.value)}
        />
        <p id={`${id}-mrn-hint`} className="hint">
          Every read and change of the patient and their records.
        </p>
        <FieldError announce id={`${id}-mrn-error`} message={subjectError('mrn')} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-record-kind`}>Kind of record</label>
        <select
          id={`${id}-record-kind`}
          value={values.recordKind}
          onChange={(event) => set('recordKind')(event.target.value)}
        >
          <option value="">Any record</option>
          {Object.entries(RECORD_KINDS).map(([entity, [singular]]) => (
            <option key={entity} value={entity}>
              {singular}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-record-id`}>Record id</label>
        <input
          id={`${id}-record-id`}
          type="text"
          autoComplete="off"
          value={values.recordId}
          aria-invalid={subjectError('recordId') !== null}
          aria-describedby={subjectError('recordId') === null ? undefined : `${id}-record-id-error`}
          onChange={(event) => set('recordId')(event.target.value)}
        />
        <FieldError announce id={`${id}-record-id-error`} message={subjectError('recordId')} />
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
