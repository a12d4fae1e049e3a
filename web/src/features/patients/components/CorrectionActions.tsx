import type { AnyVariables, DocumentInput } from '@urql/core';
import type { ReactNode } from 'react';
import { type CloseDisclosure, Disclosure } from '../../../components/ui/Disclosure.tsx';
import { EnteredInErrorForm } from '../../../components/ui/EnteredInErrorForm.tsx';
import { useCanClassify } from '../../drugs/use-drug-entry.ts';
import { CORRECTION_WORDING, RELOAD_PATIENT } from './drug-record-wording.ts';

/**
 * The corrections a clinical record offers (workflows.md): amend it, or (clinicians) mark it
 * entered in error. A record already entered in error offers nothing, not even the row's own actions.
 */
export function CorrectionActions<MarkVariables extends AnyVariables>({
  what,
  enteredInError,
  amendForm,
  markMutation,
  markVariables,
  children,
}: {
  /** The record as the buttons name it: "tramadol", "pain of 10 Mar 2026". */
  what: string;
  enteredInError: boolean;
  amendForm: (close: CloseDisclosure) => ReactNode;
  /** The record kind's mark entered in error, and its variables for a reason. */
  markMutation: DocumentInput<unknown, MarkVariables>;
  markVariables: (reason: string) => MarkVariables;
  /** The row's own actions, before the corrections (stop, confirm an opioid). */
  children?: ReactNode;
}) {
  const clinician = useCanClassify();
  if (enteredInError) return null;
  return (
    <div className="row-actions">
      {children}
      <Disclosure label="Amend…" accessibleLabel={`Amend ${what}`}>
        {amendForm}
      </Disclosure>
      {clinician && (
        <Disclosure label="Entered in error…" accessibleLabel={`Mark ${what} entered in error`}>
          {(close) => (
            <EnteredInErrorForm
              what={what}
              mutation={markMutation}
              variablesFor={markVariables}
              close={close}
              wording={CORRECTION_WORDING}
              reload={RELOAD_PATIENT}
            />
          )}
        </Disclosure>
      )}
    </div>
  );
}
