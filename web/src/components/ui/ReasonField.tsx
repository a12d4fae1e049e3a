import { FieldError } from './TextField.tsx';

/** Why a record is corrected or marked entered in error: required, kept and shown with the record. */
export function ReasonField({
  id,
  label,
  value,
  onChange,
  error,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (reason: string) => void;
  error?: string | undefined;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        rows={2}
        required
        value={value}
        aria-invalid={error !== undefined}
        aria-describedby={`${id}-hint${error === undefined ? '' : ` ${id}-error`}`}
        onChange={(event) => onChange(event.target.value)}
      />
      <p id={`${id}-hint`} className="hint">
        Kept with the record and shown with it.
      </p>
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}
