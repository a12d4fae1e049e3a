import { type InputHTMLAttributes, type ReactNode, useId } from 'react';

type NativeInput = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange' | 'children'>;

/**
 * A labelled input with its hint and the problem with it (the browser's check or the API's
 * refusal of this field), tied to the input (aria-describedby, aria-invalid) so a screen reader
 * reads them with the field.
 */
export function TextField({
  id,
  label,
  value,
  onChange,
  hint,
  error,
  announce = false,
  className,
  ...native
}: NativeInput & {
  /** Default: one of its own. */
  id?: string;
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  hint?: ReactNode;
  error?: string | null | undefined;
  /** Announce the problem as it appears, for forms that do not move focus to it. */
  announce?: boolean;
}) {
  const ownId = useId();
  const fieldId = id ?? ownId;
  const problem = error ?? null;
  const describedBy = [
    hint === undefined ? null : `${fieldId}-hint`,
    problem === null ? null : `${fieldId}-error`,
  ]
    .filter((part) => part !== null)
    .join(' ');
  return (
    <div className={className === undefined ? 'field' : `field ${className}`}>
      <label htmlFor={fieldId}>{label}</label>
      <input
        id={fieldId}
        type="text"
        {...native}
        value={value}
        aria-invalid={problem !== null}
        aria-describedby={describedBy === '' ? undefined : describedBy}
        onChange={(event) => onChange(event.target.value)}
      />
      {hint !== undefined && (
        <p id={`${fieldId}-hint`} className="hint">
          {hint}
        </p>
      )}
      <FieldError id={`${fieldId}-error`} message={problem} announce={announce} />
    </div>
  );
}

/** The message of a refused field, next to it (announced when asked), or nothing. */
export function FieldError({
  id,
  message,
  announce = false,
}: {
  id: string;
  message: string | null | undefined;
  announce?: boolean;
}) {
  if (message == null) return null;
  return (
    <p id={id} className="field-error" role={announce ? 'alert' : undefined}>
      {message}
    </p>
  );
}

/** Focuses the first field the form marks invalid (after a refusal, where to carry on). */
export function focusFirstInvalid(form: HTMLFormElement | null): void {
  form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
}
