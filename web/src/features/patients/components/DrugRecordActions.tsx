import type { AnyVariables, DocumentInput } from '@urql/core';
import type { ReactNode } from 'react';
import { useCanClassify } from '../../drugs/use-drug-entry.ts';
import { type CloseDisclosure, Disclosure } from './Disclosure.tsx';
import { EnteredInErrorForm } from './EnteredInErrorForm.tsx';

/**
 * The corrections a medication or prior therapy offers: amend it, or (clinicians) mark it entered
 * in error. A record already entered in error offers nothing, not even the row's own actions.
 */
export function DrugRecordActions<MarkVariables extends AnyVariables>({
  record,
  amendForm,
  markMutation,
  markVariables,
  children,
}: {
  record: { drug: string; enteredInError: boolean };
  amendForm: (close: CloseDisclosure) => ReactNode;
  /** The record kind's mark entered in error, and its variables for a reason. */
  markMutation: DocumentInput<unknown, MarkVariables>;
  markVariables: (reason: string) => MarkVariables;
  /** The row's own actions, before the corrections (stop, confirm an opioid). */
  children?: ReactNode;
}) {
  const clinician = useCanClassify();
  if (record.enteredInError) return null;
  return (
    <div className="row-actions">
      {children}
      <Disclosure label="Amend…" accessibleLabel={`Amend ${record.drug}`}>
        {amendForm}
      </Disclosure>
      {clinician && (
        <Disclosure label="Entered in error…" accessibleLabel={`Mark ${record.drug} entered in error`}>
          {(close) => (
            <EnteredInErrorForm
              what={record.drug}
              mutation={markMutation}
              variablesFor={markVariables}
              close={close}
            />
          )}
        </Disclosure>
      )}
    </div>
  );
}
