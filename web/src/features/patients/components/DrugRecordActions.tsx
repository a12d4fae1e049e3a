import type { AnyVariables, DocumentInput } from '@urql/core';
import type { ReactNode } from 'react';
import type { CloseDisclosure } from '../../../components/ui/Disclosure.tsx';
import { CorrectionActions } from './CorrectionActions.tsx';

/** The corrections a medication or prior therapy offers, named by its drug (CorrectionActions). */
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
  return (
    <CorrectionActions
      what={record.drug}
      enteredInError={record.enteredInError}
      amendForm={amendForm}
      markMutation={markMutation}
      markVariables={markVariables}
    >
      {children}
    </CorrectionActions>
  );
}
