import type { AnyVariables, DocumentInput, OperationContext } from '@urql/core';
import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { useMutation } from 'urql';
import type { ApiErrorCode } from '../../lib/errors.ts';
import { formErrorsOf } from '../../lib/form-errors.ts';
import type { CloseDisclosure } from './Disclosure.tsx';
import { ReasonField } from './ReasonField.tsx';
import { RecordFormFooter } from './RecordFormFooter.tsx';

/**
 * Marks a record entered in error with a reason (clinicians): nothing clinical is deleted; the
 * record stays, struck through, with who, when and why, and stops counting (workflows.md). Any
 * kind of record: a medication, a score, a trial's dose change or assessment.
 */
export function EnteredInErrorForm<Variables extends AnyVariables>({
  what,
  mutation,
  variablesFor,
  close,
  wording,
  reload,
  consequences,
}: {
  /** The record's name, as the form's name says it: "tramadol", "the dose change of 29 Mar 2026". */
  what: string;
  /** The record kind's own mark (features/x/api/mark-*-entered-in-error.ts). */
  mutation: DocumentInput<unknown, Variables>;
  /** Its variables for this reason: the record's id and the version read (a stale one: CONFLICT). */
  variablesFor: (reason: string) => Variables;
  close: CloseDisclosure;
  /** How the feature words a refusal, by `extensions.code` (a CONFLICT: what was reloaded). */
  wording: Partial<Record<ApiErrorCode, string>>;
  /** The mark's context: what a failed mark reloads too (a CONFLICT brings the version to send next). */
  reload: Partial<OperationContext>;
  /** What marking this record does beyond leaving every count (an assessment reopening its trial). */
  consequences?: ReactNode;
}) {
  const id = useId();
  const [reason, setReason] = useState('');
  const [result, mark] = useMutation(mutation);
  const errors = formErrorsOf(result.error, ['reason'] as const);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (reason.trim() === '') return;
    const answer = await mark(variablesFor(reason.trim()), reload);
    if (answer.data !== undefined) close(`${what} marked entered in error.`);
  };

  return (
    <form
      className="record-form"
      onSubmit={(event) => void onSubmit(event)}
      aria-label={`Mark ${what} entered in error`}
    >
      <p className="hint">It stays on the record, struck through, and counts nowhere.</p>
      {consequences}
      <ReasonField
        id={`${id}-reason`}
        label="Why was it entered in error?"
        value={reason}
        onChange={setReason}
        error={errors.fields.reason}
      />
      <RecordFormFooter
        refusal={errors.general}
        wording={wording}
        busy={result.fetching}
        ready={reason.trim() !== ''}
        submitLabel="Mark entered in error"
        busyLabel="Marking…"
        onCancel={() => close()}
      />
    </form>
  );
}
