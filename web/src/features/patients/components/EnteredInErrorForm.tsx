import type { CombinedError } from '@urql/core';
import { type FormEvent, useId, useState } from 'react';
import { ErrorNotice } from '../../../components/ui/QueryState.tsx';
import type { CloseDisclosure } from './Disclosure.tsx';
import { CORRECTION_WORDING } from './drug-record-wording.ts';
import { formErrorsOf } from './form-errors.ts';
import { ReasonField } from './ReasonField.tsx';

/**
 * Marks a record entered in error with a reason (clinicians): nothing clinical is deleted; the
 * record stays, struck through, with who, when and why, and stops counting (workflows.md).
 */
export function EnteredInErrorForm({
  what,
  result,
  submit,
  close,
}: {
  /** The record's name, as the form's name says it: "tramadol". */
  what: string;
  result: { fetching: boolean; error?: CombinedError | undefined };
  /** Sends the reason; true once the API took it. */
  submit: (reason: string) => Promise<boolean>;
  close: CloseDisclosure;
}) {
  const id = useId();
  const [reason, setReason] = useState('');
  const errors = formErrorsOf(result.error, ['reason'] as const);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (reason.trim() === '') return;
    if (await submit(reason.trim())) close(`${what} marked entered in error.`);
  };

  return (
    <form
      className="record-form"
      onSubmit={(event) => void onSubmit(event)}
      aria-label={`Mark ${what} entered in error`}
    >
      <p className="hint">It stays on the record, struck through, and counts nowhere.</p>
      <ReasonField
        id={`${id}-reason`}
        label="Why was it entered in error?"
        value={reason}
        onChange={setReason}
        error={errors.fields.reason}
      />
      {errors.general !== null && <ErrorNotice error={errors.general} wording={CORRECTION_WORDING} />}
      <div className="record-actions">
        <button type="submit" disabled={result.fetching || reason.trim() === ''}>
          {result.fetching ? 'Marking…' : 'Mark entered in error'}
        </button>
        <button type="button" className="button-secondary" onClick={() => close()}>
          Cancel
        </button>
      </div>
    </form>
  );
}
