import { type FormEvent, useId, useState } from 'react';
import { ErrorNotice } from '../../../components/ui/QueryState.tsx';
import { FieldError } from '../../../components/ui/TextField.tsx';
import { fieldErrorOf, isFieldError } from '../../../lib/errors.ts';
import { humanize } from '../../../lib/format.ts';
import { useChangeRole } from '../api/change-role.ts';
import type { Role } from '../api/invite-person.ts';
import type { PersonRow } from '../api/people.ts';
import { npiProblem, ROLES_OF } from '../roles.ts';
import { NpiField } from './NpiField.tsx';

/**
 * Another role of the person's organisation (a clinic's coordinator becomes a clinician, who needs
 * an NPI). The API audits the change with the old and the new role.
 */
export function ChangeRoleForm({ person, onDone }: { person: PersonRow; onDone: () => void }) {
  const id = useId();
  const roles = ROLES_OF[person.organisation.kind];
  const [role, setRole] = useState<Role>(roles.find((candidate) => candidate !== person.role) ?? person.role);
  const [npi, setNpi] = useState(person.npi ?? '');
  const [attempted, setAttempted] = useState(false);
  const [result, changeRole] = useChangeRole();

  const needsNpi = role === 'CLINICIAN';
  const npiRefusal = needsNpi ? npiProblem(npi) : null;
  const unchanged = role === person.role && (!needsNpi || npi.trim() === (person.npi ?? ''));

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setAttempted(true);
    if (npiRefusal !== null || unchanged) return;
    const answer = await changeRole({ userId: person.id, role, npi: needsNpi ? npi.trim() : null });
    if (answer.error === undefined) onDone();
  };

  return (
    <form
      className="inline-form"
      onSubmit={(event) => void onSubmit(event)}
      noValidate
      aria-label={`Change role of ${person.name}`}
    >
      <div className="field">
        <label htmlFor={`${id}-role`}>New role</label>
        <select
          id={`${id}-role`}
          value={role}
          aria-describedby={`${id}-role-hint`}
          onChange={(event) => setRole(event.target.value as Role)}
        >
          {roles.map((candidate) => (
            <option key={candidate} value={candidate}>
              {humanize(candidate)}
              {candidate === person.role ? ' (current)' : ''}
            </option>
          ))}
        </select>
        <p id={`${id}-role-hint`} className="hint">
          It takes effect at their next request; the audit log keeps the old and the new role.
        </p>
        <FieldError announce id={`${id}-role-error`} message={fieldErrorOf(result.error, 'role')} />
      </div>
      {needsNpi && (
        <NpiField
          value={npi}
          onChange={setNpi}
          problem={
            fieldErrorOf(result.error, 'npi') ?? (attempted || npi.trim().length >= 10 ? npiRefusal : null)
          }
        />
      )}
      {result.error !== undefined && !isFieldError(result.error, ['role', 'npi']) && (
        <ErrorNotice error={result.error} />
      )}
      <div className="button-row">
        <button type="submit" disabled={result.fetching || unchanged}>
          {result.fetching ? 'Changing…' : 'Change role'}
        </button>
        <button type="button" className="button-secondary" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
