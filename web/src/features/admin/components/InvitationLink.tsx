import { useId, useState } from 'react';
import { formatDateTime } from '../../../lib/format.ts';
import { fullLink } from '../roles.ts';

/** A one-time link just issued: which kind, for whom, and until when. */
export interface IssuedLink {
  kind: 'INVITATION' | 'PASSWORD_RESET';
  link: string;
  expiresAt: string;
  personName: string;
}

const WORDING = {
  INVITATION: { label: 'Invitation link', issued: (name: string) => `${name} is invited.` },
  PASSWORD_RESET: {
    label: 'Password reset link',
    issued: (name: string) => `A password reset link for ${name} is ready.`,
  },
} as const;

/**
 * The link to hand over: the API keeps only its hash, so this is the one chance to copy it.
 * It is a full address (this portal's origin) so it works pasted anywhere.
 */
export function InvitationLink({ issued }: { issued: IssuedLink }) {
  const inputId = useId();
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  const url = fullLink(issued.link, window.location.origin);
  const wording = WORDING[issued.kind];

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied('copied');
    } catch {
      // No clipboard (an insecure origin, a refused permission): the field stays selectable.
      setCopied('failed');
    }
  };

  return (
    <div className="notice notice-info">
      <p>
        {wording.issued(issued.personName)} Hand over this link; it works once, until{' '}
        {formatDateTime(issued.expiresAt)}, and is not shown again.
      </p>
      <div className="field">
        <label htmlFor={inputId}>{wording.label}</label>
        <input
          id={inputId}
          type="text"
          readOnly
          value={url}
          onFocus={(event) => event.currentTarget.select()}
        />
      </div>
      <button type="button" className="button-secondary" onClick={() => void copy()}>
        Copy link
      </button>{' '}
      <output aria-live="polite">
        {copied === 'copied' && 'Copied.'}
        {copied === 'failed' && 'Could not copy; select the link and copy it by hand.'}
      </output>
    </div>
  );
}
