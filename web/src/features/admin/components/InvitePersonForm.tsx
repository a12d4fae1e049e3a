import { type FormEvent, useId, useState } from 'react';
import { ErrorNotice, QueryState } from '../../../components/ui/QueryState.tsx';
import { FieldError } from '../../../components/ui/TextField.tsx';
import { fieldErrorOf, isFieldError } from '../../../lib/errors.ts';
import { humanize } from '../../../lib/format.ts';
import { type Role, useInvitePerson } from '../api/invite-person.ts';
import { useOrganisations } from '../api/organisations.ts';
import { npiProblem, ROLES_OF } from '../roles.ts';
import type { IssuedLink } from './InvitationLink.tsx';
import { NpiField } from './NpiField.tsx';

/** The organisation choices, grouped by kind. */
const ORGANISATION_GROUPS: ReadonlyArray<{ kind: keyof typeof ROLES_OF; label: string }> = [
  { kind: 'CLINIC', label: 'Clinics' },
  { kind: 'PHARMACY', label: 'Pharmacies' },
  { kind: 'NETWORK', label: 'Network administration' },
];

/** The fields the API may refuse one by one; they show the refusal beside themselves. */
const INVITE_FIELDS = ['email', 'name', 'organisationId', 'role', 'npi'] as const;

/** Email, name, organisation, a role that fits it, and an NPI for clinicians. */
export function InvitePersonForm({ onInvited }: { onInvited: (issued: IssuedLink) => void }) {
  const [organisations, refetch] = useOrganisations();
  return (
    <QueryState
      result={organisations}
      loadingLabel="Loading organisations…"
      onRetry={() => refetch({ requestPolicy: 'network-only' })}
    >
      {(data) => (
        <InviteFields
          organisations={data.organisations.filter((organisation) => organisation.active)}
          onInvited={onInvited}
        />
      )}
    </QueryState>
  );
}

function InviteFields({
  organisations,
  onInvited,
}: {
  organisations: ReadonlyArray<{ id: string; name: string; kind: keyof typeof ROLES_OF }>;
  onInvited: (issued: IssuedLink) => void;
}) {
  const formId = useId();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [organisationId, setOrganisationId] = useState('');
  const [chosenRole, setChosenRole] = useState<Role | ''>('');
  const [npi, setNpi] = useState('');
  const [attempted, setAttempted] = useState(false);
  const [result, invitePerson] = useInvitePerson();

  const organisation = organisations.find((candidate) => candidate.id === organisationId);
  const roles = organisation === undefined ? [] : ROLES_OF[organisation.kind];
  // A role that does not fit the organisation chosen since is no choice at all.
  const role: Role | '' = chosenRole !== '' && roles.includes(chosenRole) ? chosenRole : (roles[0] ?? '');
  const ready =
    email.trim() !== '' && name.trim() !== '' && role !== '' && (role !== 'CLINICIAN' || npi.trim() !== '');

  // The check digit is checked here, by the rules package, before the server is asked.
  const npiRefusal = role === 'CLINICIAN' ? npiProblem(npi) : null;

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setAttempted(true);
    if (!ready || npiRefusal !== null) return;
    const answer = await invitePerson({
      input: {
        email: email.trim(),
        name: name.trim(),
        organisationId,
        role,
        ...(role === 'CLINICIAN' && { npi: npi.trim() }),
      },
    });
    const invited = answer.data?.invitePerson;
    if (invited !== undefined) {
      onInvited({
        kind: 'INVITATION',
        link: invited.link,
        expiresAt: invited.expiresAt,
        personName: invited.person.name,
      });
      setEmail('');
      setName('');
      setNpi('');
      setAttempted(false);
    }
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <div className="field">
        <label htmlFor={`${formId}-email`}>Email</label>
        <input
          id={`${formId}-email`}
          type="email"
          autoComplete="off"
          required
          value={email}
          aria-invalid={fieldErrorOf(result.error, 'email') !== null}
          aria-describedby={
            fieldErrorOf(result.error, 'email') === null ? undefined : `${formId}-email-error`
          }
          onChange={(event) => setEmail(event.target.value)}
        />
        <FieldError announce id={`${formId}-email-error`} message={fieldErrorOf(result.error, 'email')} />
      </div>
      <div className="field">
        <label htmlFor={`${formId}-name`}>Name</label>
        <input
          id={`${formId}-name`}
          type="text"
          autoComplete="off"
          required
          value={name}
          aria-invalid={fieldErrorOf(result.error, 'name') !== null}
          aria-describedby={fieldErrorOf(result.error, 'name') === null ? undefined : `${formId}-name-error`}
          onChange={(event) => setName(event.target.value)}
        />
        <FieldError announce id={`${formId}-name-error`} message={fieldErrorOf(result.error, 'name')} />
      </div>
      <div className="field">
        <label htmlFor={`${formId}-organisation`}>Organisation</label>
        <select
          id={`${formId}-organisation`}
          required
          value={organisationId}
          onChange={(event) => setOrganisationId(event.target.value)}
        >
          <option value="">Choose an organisation</option>
          {ORGANISATION_GROUPS.map(({ kind, label }) => (
            <optgroup key={kind} label={label}>
              {organisations
                .filter((candidate) => candidate.kind === kind)
                .map((candidate) => (
                  <option key={candidate.id} value={candidate.id}>
                    {candidate.name}
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${formId}-role`}>Role</label>
        <select
          id={`${formId}-role`}
          required
          disabled={organisation === undefined}
          value={role}
          onChange={(event) => setChosenRole(event.target.value as Role)}
        >
          {organisation === undefined && <option value="">Choose the organisation first</option>}
          {roles.map((candidate) => (
            <option key={candidate} value={candidate}>
              {humanize(candidate)}
            </option>
          ))}
        </select>
        <FieldError
          announce
          id={`${formId}-role-error`}
          message={fieldErrorOf(result.error, 'role') ?? fieldErrorOf(result.error, 'organisationId')}
        />
      </div>
      {role === 'CLINICIAN' && (
        <NpiField
          value={npi}
          onChange={setNpi}
          problem={
            fieldErrorOf(result.error, 'npi') ?? (attempted || npi.trim().length >= 10 ? npiRefusal : null)
          }
        />
      )}
      {result.error !== undefined && !isFieldError(result.error, INVITE_FIELDS) && (
        <ErrorNotice error={result.error} />
      )}
      <button type="submit" disabled={result.fetching || !ready}>
        {result.fetching ? 'Inviting…' : 'Invite'}
      </button>
    </form>
  );
}
