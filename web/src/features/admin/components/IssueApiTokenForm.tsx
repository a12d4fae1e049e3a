import { type FormEvent, useId, useState } from 'react';
import { ErrorNotice, QueryState } from '../../../components/ui/QueryState.tsx';
import { FieldError } from '../../../components/ui/TextField.tsx';
import { fieldErrorOf, isFieldError } from '../../../lib/errors.ts';
import { type IssuedApiToken, useIssueApiToken } from '../api/api-tokens.ts';
import { useOrganisations } from '../api/organisations.ts';

/** Lifetimes to choose from; "" is none (the token works until revoked). */
const LIFETIMES = [
  { days: '30', label: '30 days' },
  { days: '90', label: '90 days' },
  { days: '365', label: 'A year' },
  { days: '', label: 'No expiry (until revoked)' },
] as const;

const TOKEN_FIELDS = ['organisationId', 'name', 'expiresInDays'] as const;

/** One active clinic or pharmacy, what the token is for, and how long it lasts. */
export function IssueApiTokenForm({ onIssued }: { onIssued: (issued: IssuedApiToken) => void }) {
  const [organisations, refetch] = useOrganisations();
  return (
    <QueryState
      result={organisations}
      loadingLabel="Loading organisations…"
      onRetry={() => refetch({ requestPolicy: 'network-only' })}
    >
      {(data) => (
        <TokenFields
          organisations={data.organisations.filter(
            (organisation) => organisation.active && organisation.kind !== 'NETWORK',
          )}
          onIssued={onIssued}
        />
      )}
    </QueryState>
  );
}

function TokenFields({
  organisations,
  onIssued,
}: {
  organisations: ReadonlyArray<{ id: string; name: string; kind: string }>;
  onIssued: (issued: IssuedApiToken) => void;
}) {
  const formId = useId();
  const [organisationId, setOrganisationId] = useState('');
  const [name, setName] = useState('');
  const [days, setDays] = useState<string>('365');
  const [result, issueApiToken] = useIssueApiToken();
  const ready = organisationId !== '' && name.trim() !== '';
  const nameError = fieldErrorOf(result.error, 'name');

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!ready) return;
    const answer = await issueApiToken({
      input: { organisationId, name: name.trim(), expiresInDays: days === '' ? null : Number(days) },
    });
    const issued = answer.data?.issueApiToken;
    if (issued !== undefined) {
      onIssued(issued);
      setName('');
    }
  };

  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate aria-label="Issue an API token">
      <div className="field">
        <label htmlFor={`${formId}-organisation`}>Organisation</label>
        <select
          id={`${formId}-organisation`}
          required
          value={organisationId}
          aria-invalid={fieldErrorOf(result.error, 'organisationId') !== null}
          aria-describedby={`${formId}-organisation-error`}
          onChange={(event) => setOrganisationId(event.target.value)}
        >
          <option value="">Choose a clinic or pharmacy</option>
          {organisations.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {candidate.name}
            </option>
          ))}
        </select>
        <FieldError
          announce
          id={`${formId}-organisation-error`}
          message={fieldErrorOf(result.error, 'organisationId')}
        />
      </div>
      <div className="field">
        <label htmlFor={`${formId}-name`}>What it is for</label>
        <input
          id={`${formId}-name`}
          type="text"
          autoComplete="off"
          required
          placeholder="Riverside EHR, nightly import"
          value={name}
          aria-invalid={nameError !== null}
          aria-describedby={nameError === null ? undefined : `${formId}-name-error`}
          onChange={(event) => setName(event.target.value)}
        />
        <FieldError announce id={`${formId}-name-error`} message={nameError} />
      </div>
      <div className="field">
        <label htmlFor={`${formId}-lifetime`}>Expires after</label>
        <select id={`${formId}-lifetime`} value={days} onChange={(event) => setDays(event.target.value)}>
          {LIFETIMES.map((lifetime) => (
            <option key={lifetime.label} value={lifetime.days}>
              {lifetime.label}
            </option>
          ))}
        </select>
      </div>
      {result.error !== undefined && !isFieldError(result.error, TOKEN_FIELDS) && (
        <ErrorNotice error={result.error} />
      )}
      <button type="submit" disabled={result.fetching || !ready}>
        {result.fetching ? 'Issuing…' : 'Issue token'}
      </button>
    </form>
  );
}
