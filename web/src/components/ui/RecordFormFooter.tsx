import type { CombinedError } from '@urql/core';
import type { ReactNode } from 'react';
import type { ApiErrorCode } from '../../lib/errors.ts';
import { ErrorNotice } from './QueryState.tsx';

/**
 * The end of a record form: the refusal no field explains, then the submit button (its busy label
 * while the API works, disabled until the form is ready) and the way out.
 */
export function RecordFormFooter({
  refusal,
  wording,
  submitLabel,
  busyLabel,
  busy,
  ready = true,
  onCancel,
  cancelLabel = 'Cancel',
  children,
}: {
  /** What the API refused that no field of the form explains (`FormErrors.general`). */
  refusal: CombinedError | null;
  wording?: Partial<Record<ApiErrorCode, string>>;
  submitLabel: string;
  busyLabel: string;
  busy: boolean;
  /** False while what is filled in cannot be sent. */
  ready?: boolean;
  /** None where the way out is a link, passed as children. */
  onCancel?: () => void;
  cancelLabel?: string;
  /** After the buttons: a link out, or what the form announces while it stays open. */
  children?: ReactNode;
}) {
  return (
    <>
      {refusal !== null && <ErrorNotice error={refusal} wording={wording} />}
      <div className="record-actions">
        <button type="submit" disabled={busy || !ready}>
          {busy ? busyLabel : submitLabel}
        </button>
        {onCancel !== undefined && (
          <button type="button" className="button-secondary" onClick={onCancel}>
            {cancelLabel}
          </button>
        )}
        {children}
      </div>
    </>
  );
}
