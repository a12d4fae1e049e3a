import type { AnyVariables, DocumentInput } from '@urql/core';
import { type FormEvent, useId, useState } from 'react';
import { useMutation } from 'urql';
import type { CloseDisclosure } from './Disclosure.tsx';
import { CORRECTION_WORDING, RELOAD_PATIENT } from './drug-record-wording.ts';
import { formErrorsOf } from './form-errors.ts';
import { ReasonField } from './ReasonField.tsx';
import { RecordFormFooter } from './RecordFormFooter.tsx';

/**
 * Marks a record entered in error with a reason (clinicians): nothing clinical is deleted; the
 * record stays, struck through, with who, when and why, and stops counting (workflows.md).
 */
export function EnteredInErrorForm<Variables extends AnyVariables>({
  what,
  mutation,
  variablesFor,
  close,
}: {
  /** The record's name, as the form's name says it: "tramadol". */
  what: string;
  /** The record kind's own mark (api/mark-*-entered-in-error.ts). */
  mutation: DocumentInput<unknown, Variables>;
  /** Its variables for this reason: the record's id and the version read (a stale one: CONFLICT). */
  variablesFor: (reason: string) => Variables;
  close: CloseDisclosure;
}) {
  const id = useId();
  const [reason, setReason] = useState('');
  const [result, mark] = useMutation(mutation);
  const errors = formErrorsOf(result.error, ['reason'] as const);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (reason.trim() === '') return;
    const answer = await mark(variablesFor(reason.trim()), RELOAD_PATIENT);
    if (answer.data !== undefined) close(`${what} marked entered in error.`);
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
      <RecordFormFooter
        refusal={errors.general}
        wording={CORRECTION_WORDING}
        busy={result.fetching}
        ready={reason.trim() !== ''}
        submitLabel="Mark entered in error"
        busyLabel="Marking…"
        onCancel={() => close()}
      />
    </form>
  );
}
