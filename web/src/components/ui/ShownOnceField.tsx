import { useId, useState } from 'react';

/**
 * A secret shown once (a link, a token: the API keeps only its hash), in a read-only field that
 * selects itself, with a copy button. Without a clipboard (an insecure origin, a refused
 * permission) the field stays selectable and says so.
 */
export function ShownOnceField({ label, value, noun }: { label: string; value: string; noun: string }) {
  const inputId = useId();
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied('copied');
    } catch {
      setCopied('failed');
    }
  };

  return (
    <div>
      <div className="field">
        <label htmlFor={inputId}>{label}</label>
        <input
          id={inputId}
          type="text"
          readOnly
          value={value}
          onFocus={(event) => event.currentTarget.select()}
        />
      </div>
      <button type="button" className="button-secondary" onClick={() => void copy()}>
        Copy {noun}
      </button>{' '}
      <output aria-live="polite">
        {copied === 'copied' && 'Copied.'}
        {copied === 'failed' && `Could not copy; select the ${noun} and copy it by hand.`}
      </output>
    </div>
  );
}
