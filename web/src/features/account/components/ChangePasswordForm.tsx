import { type FormEvent, useId, useState } from 'react';
import { ErrorNotice } from '../../../components/ui/QueryState.tsx';
import { TextField } from '../../../components/ui/TextField.tsx';
import { fieldErrorOf } from '../../../lib/errors.ts';
import { useChangeMyPassword } from '../api/change-my-password.ts';

/** The API's policy (server/src/admin/password-policy.ts); checked here only to answer sooner. */
const MIN_PASSWORD_LENGTH = 12;

/**
 * The current password, a new one twice. The API's refusals (a wrong current password, the
 * password policy) appear beside the field they concern.
 */
export function ChangePasswordForm({ onChanged }: { onChanged: () => void }) {
  const id = useId();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [attempted, setAttempted] = useState(false);
  const [changed, setChanged] = useState(false);
  const [result, changeMyPassword] = useChangeMyPassword();

  const tooShort = [...next].length < MIN_PASSWORD_LENGTH;
  const mismatch = confirmation !== next;
  const currentProblem =
    fieldErrorOf(result.error, 'current') ??
    (attempted && current === '' ? 'Enter your current password.' : null);
  const nextProblem =
    fieldErrorOf(result.error, 'next') ??
    (attempted && tooShort ? `Use at least ${MIN_PASSWORD_LENGTH} characters.` : null);
  const confirmationProblem = attempted && mismatch ? 'The two passwords are not the same.' : null;
  const otherError =
    result.error !== undefined &&
    fieldErrorOf(result.error, 'current') === null &&
    fieldErrorOf(result.error, 'next') === null
      ? result.error
      : undefined;

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setAttempted(true);
    setChanged(false);
    if (current === '' || tooShort || mismatch) return;
    const answer = await changeMyPassword({ current, next });
    if (answer.data?.changeMyPassword === true) {
      setCurrent('');
      setNext('');
      setConfirmation('');
      setAttempted(false);
      setChanged(true);
      onChanged();
    }
  };

  return (
    <form
      className="narrow-form"
      onSubmit={(event) => void onSubmit(event)}
      noValidate
      aria-label="Change your password"
    >
      <TextField
        type="password"
        required
        announce
        id={`${id}-current`}
        label="Current password"
        autoComplete="current-password"
        value={current}
        onChange={setCurrent}
        error={currentProblem}
      />
      <TextField
        type="password"
        required
        announce
        id={`${id}-next`}
        label="New password"
        autoComplete="new-password"
        hint={`At least ${MIN_PASSWORD_LENGTH} characters; a few words you will remember work well.`}
        value={next}
        onChange={setNext}
        error={nextProblem}
      />
      <TextField
        type="password"
        required
        announce
        id={`${id}-confirmation`}
        label="Confirm the new password"
        autoComplete="new-password"
        value={confirmation}
        onChange={setConfirmation}
        error={confirmationProblem}
      />
      {otherError !== undefined && (
        <ErrorNotice
          error={otherError}
          wording={{ CONFLICT: 'Your password was changed meanwhile (a reset link?). Sign in again.' }}
        />
      )}
      <button type="submit" disabled={result.fetching}>
        {result.fetching ? 'Changing…' : 'Change password'}
      </button>{' '}
      <output aria-live="polite">
        {changed && 'Your password is changed. Your other sessions have ended; this one stays.'}
      </output>
    </form>
  );
}
