import { type FormEvent, useId, useState } from 'react';
import { ErrorNotice, QueryState } from '../../../components/ui/QueryState.tsx';
import { humanize } from '../../../lib/format.ts';
import { type Role, useInvitePerson } from '../api/invite-person.ts';
import { useOrganisations } from '../api/organisations.ts';
import { ROLES_OF } from '../roles.ts';
import type { IssuedLink } from './InvitationLink.tsx';

/** The organisation choices, grouped by kind. */
const ORGANISATION_GROUPS: ReadonlyArray<{ kind: keyof typeof ROLES_OF; label: string }> = [
  { kind: 'CLINIC', label: 'Clinics' },
  { kind: 'PHARMACY', label: 'Pharmacies' },
  { kind: 'NETWORK', label: 'Network administration' },
];

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
  const [result, invitePerson] = useInvitePerson();

  const organisation = organisations.find((candidate) => candidate.id === organisationId);
  const roles = organisation === undefined ? [] : ROLES_OF[organisation.kind];
  // A role that does not fit the organisation chosen since is no choice at all.
  const role: Role | '' = chosenRole !== '' && roles.includes(chosenRole) ? chosenRole : (roles[0] ?? '');
  const ready =
    email.trim() !== '' && name.trim() !== '' && role !== '' && (role !== 'CLINICIAN' || npi.trim() !== '');

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!ready) return;
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
      onInvited({ link: invited.link, expiresAt: invited.expiresAt, personName: invited.person.name });
      setEmail('');
      setName('');
      setNpi('');
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
          onChange={(event) => setEmail(event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${formId}-name`}>Name</label>
        <input
          id={`${formId}-name`}
          type="text"
          autoComplete="off"
          required
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
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
      </div>
      {role === 'CLINICIAN' && (
        <div className="field">
          <label htmlFor={`${formId}-npi`}>NPI</label>
          <input
            id={`${formId}-npi`}
            type="text"
            inputMode="numeric"
            autoComplete="off"
            required
            aria-describedby={`${formId}-npi-hint`}
            value={npi}
            onChange={(event) => setNpi(event.target.value)}
          />
          <p id={`${formId}-npi-hint`} className="hint">
            The clinician’s 10-digit National Provider Identifier; orders carry it.
          </p>
        </div>
      )}
      {result.error && <ErrorNotice error={result.error} />}
      <button type="submit" disabled={result.fetching || !ready}>
        {result.fetching ? 'Inviting…' : 'Invite'}
      </button>
    </form>
  );
}
