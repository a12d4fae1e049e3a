import { useId, useState } from 'react';
import { formatDateTime } from '../../../lib/format.ts';
import type { IssuedApiToken } from '../api/api-tokens.ts';

/** A token just issued: the API keeps only its hash, so this is the one chance to copy it. */
export function IssuedTokenNotice({ issued }: { issued: IssuedApiToken }) {
  const inputId = useId();
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  const { apiToken, token } = issued;

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(token);
      setCopied('copied');
    } catch {
      // No clipboard (an insecure origin, a refused permission): the field stays selectable.
      setCopied('failed');
    }
  };

  return (
    <div className="notice notice-info">
      <p>
        A token for {apiToken.organisation.name} ({apiToken.name}) is ready
        {apiToken.expiresAt === null ? ', without expiry' : `, until ${formatDateTime(apiToken.expiresAt)}`}.
        Give it to the system as <code>Authorization: Bearer …</code>; it is not shown again.
      </p>
      <div className="field">
        <label htmlFor={inputId}>API token</label>
        <input
          id={inputId}
          type="text"
          readOnly
          value={token}
          onFocus={(event) => event.currentTarget.select()}
        />
      </div>
      <button type="button" className="button-secondary" onClick={() => void copy()}>
        Copy token
      </button>{' '}
      <output aria-live="polite">
        {copied === 'copied' && 'Copied.'}
        {copied === 'failed' && 'Could not copy; select the token and copy it by hand.'}
      </output>
    </div>
  );
}
