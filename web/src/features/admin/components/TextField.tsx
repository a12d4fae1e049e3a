import { type InputHTMLAttributes, useId } from 'react';

type NativeInput = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange'>;

/**
 * A labelled text input with an optional hint and the problem with it (the browser's check or the
 * API's refusal of this field), tied to it for screen readers.
 */
export function TextField({
  label,
  value,
  onChange,
  hint,
  problem = null,
  ...native
}: NativeInput & {
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  problem?: string | null;
}) {
  const id = useId();
  const describedBy = [hint === undefined ? null : `${id}-hint`, problem === null ? null : `${id}-error`]
    .filter((part) => part !== null)
    .join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        {...native}
        value={value}
        aria-invalid={problem !== null}
        aria-describedby={describedBy === '' ? undefined : describedBy}
        onChange={(event) => onChange(event.target.value)}
      />
      {hint !== undefined && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      <FieldProblem id={`${id}-error`} problem={problem} />
    </div>
  );
}

/** The problem with a field, announced, or nothing. */
export function FieldProblem({ id, problem }: { id: string; problem: string | null }) {
  if (problem === null) return null;
  return (
    <p id={id} className="field-error" role="alert">
      {problem}
    </p>
  );
}
