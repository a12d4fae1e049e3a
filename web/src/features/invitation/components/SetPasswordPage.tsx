import type { CombinedError } from '@urql/core';
import { type FormEvent, useId, useState } from 'react';
import { useDocumentTitle } from '../../../components/ui/Page.tsx';
import { ErrorNotice } from '../../../components/ui/QueryState.tsx';
import { fieldErrorOf } from '../../../lib/errors.ts';
import { Link, useNavigate, useSearchParam } from '../../../lib/router.tsx';

/** The API's policy (server/src/admin/password-policy.ts); checked here only to answer sooner. */
export const MIN_PASSWORD_LENGTH = 12;

/** The email the server answers once the password is set; null when it refused. */
type SetPasswordOutcome = { email: string | null };

/** Where sign-in starts with the email filled in. */
export function signInPathWithEmail(email: string): string {
  return `/sign-in?email=${encodeURIComponent(email)}`;
}

/**
 * A one-time link's page: a new password twice, sent with the link's token; on success the person
 * goes to sign in with their email filled in. The token's and the password's refusals are the
 * server's own words, beside what they refer to.
 */
export function SetPasswordPage({
  title,
  intro,
  submitLabel,
  fetching,
  error,
  submit,
}: {
  title: string;
  intro: string;
  submitLabel: string;
  fetching: boolean;
  error: CombinedError | undefined;
  submit: (token: string, password: string) => Promise<SetPasswordOutcome>;
}) {
  useDocumentTitle(title);
  const navigate = useNavigate();
  const token = useSearchParam('token') ?? '';
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [attempted, setAttempted] = useState(false);
  const formId = useId();

  const tooShort = [...password].length < MIN_PASSWORD_LENGTH;
  const mismatch = confirmation !== password;
  const passwordProblem =
    fieldErrorOf(error, 'password') ??
    (attempted && tooShort ? `Use at least ${MIN_PASSWORD_LENGTH} characters.` : null);
  const confirmationProblem = attempted && mismatch ? 'The two passwords are not the same.' : null;
  const tokenProblem =
    token === ''
      ? 'This link is incomplete. Ask an administrator for a new one.'
      : fieldErrorOf(error, 'token');
  const otherError =
    error !== undefined && fieldErrorOf(error, 'password') === null && fieldErrorOf(error, 'token') === null
      ? error
      : undefined;

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setAttempted(true);
    if (tooShort || mismatch || token === '') return;
    const outcome = await submit(token, password);
    if (outcome.email !== null) navigate(signInPathWithEmail(outcome.email), { replace: true });
  };

  return (
    // biome-ignore lint/correctness/useUniqueElementIds: the one main landmark, the skip link's target
    <main id="main" className="sign-in" tabIndex={-1}>
      <div className="sign-in-card">
        <p className="brand">LDN trials</p>
        <h1>{title}</h1>
        <p>{intro}</p>
        {tokenProblem !== null && (
          <div className="notice notice-error" role="alert">
            <p>{tokenProblem}</p>
          </div>
        )}
        <form onSubmit={onSubmit} noValidate>
          <div className="field">
            <label htmlFor={`${formId}-password`}>New password</label>
            <input
              id={`${formId}-password`}
              type="password"
              autoComplete="new-password"
              required
              aria-invalid={passwordProblem !== null}
              aria-describedby={`${formId}-password-hint${passwordProblem === null ? '' : ` ${formId}-password-error`}`}
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
            <p id={`${formId}-password-hint`} className="hint">
              At least {MIN_PASSWORD_LENGTH} characters; a few words you will remember work well.
            </p>
            {passwordProblem !== null && (
              <p id={`${formId}-password-error`} className="field-error" role="alert">
                {passwordProblem}
              </p>
            )}
          </div>
          <div className="field">
            <label htmlFor={`${formId}-confirmation`}>Confirm the password</label>
            <input
              id={`${formId}-confirmation`}
              type="password"
              autoComplete="new-password"
              required
              aria-invalid={confirmationProblem !== null}
              aria-describedby={confirmationProblem === null ? undefined : `${formId}-confirmation-error`}
              value={confirmation}
              onChange={(event) => setConfirmation(event.target.value)}
            />
            {confirmationProblem !== null && (
              <p id={`${formId}-confirmation-error`} className="field-error" role="alert">
                {confirmationProblem}
              </p>
            )}
          </div>
          {otherError !== undefined && <ErrorNotice error={otherError} />}
          <button type="submit" disabled={fetching || token === '' || password === ''}>
            {fetching ? 'Saving…' : submitLabel}
          </button>
        </form>
        <p className="small">
          <Link to="/sign-in">Back to sign-in</Link>
        </p>
      </div>
    </main>
  );
}
