/** A labelled password input with an optional hint and the problem with it, tied together. */
export function PasswordField({
  id,
  label,
  autoComplete,
  hint,
  value,
  onChange,
  problem,
}: {
  id: string;
  label: string;
  autoComplete: 'current-password' | 'new-password';
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  problem: string | null;
}) {
  const describedBy = [hint === undefined ? null : `${id}-hint`, problem === null ? null : `${id}-error`]
    .filter((part) => part !== null)
    .join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="password"
        autoComplete={autoComplete}
        required
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
      {problem !== null && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
