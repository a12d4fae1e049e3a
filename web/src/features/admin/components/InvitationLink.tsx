import { ShownOnceField } from '../../../components/ui/ShownOnceField.tsx';
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
  const wording = WORDING[issued.kind];
  return (
    <div className="notice notice-info">
      <p>
        {wording.issued(issued.personName)} Hand over this link; it works once, until{' '}
        {formatDateTime(issued.expiresAt)}, and is not shown again.
      </p>
      <ShownOnceField
        label={wording.label}
        value={fullLink(issued.link, window.location.origin)}
        noun="link"
      />
    </div>
  );
}
