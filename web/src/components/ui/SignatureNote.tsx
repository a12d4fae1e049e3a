import { formatDateTime } from '../../lib/format.ts';

/** An order's electronic signature as the API gives it (OrderSignature). */
export interface ShownSignature {
  signerName: string;
  signedAt: string;
  meaning: string;
  matchesOrder: boolean;
}

/**
 * The signature on an order, in the words 21 CFR 11.50 asks of every human-readable form of the
 * record: the printed name, the date and time, and what it means. Warns when the order no longer
 * reads as it was signed. An order sent before signatures were recorded says so.
 */
export function SignatureNote({
  signature,
  submitted,
}: {
  signature: ShownSignature | null;
  submitted: boolean;
}) {
  if (signature === null) {
    return submitted ? (
      <p className="signature-line muted">
        Sent before electronic signatures were recorded: no signature on file.
      </p>
    ) : null;
  }
  return (
    <div className="signature-line">
      <p>
        Signed by <strong>{signature.signerName}</strong> on {formatDateTime(signature.signedAt)} —{' '}
        {signature.meaning}
      </p>
      {!signature.matchesOrder && (
        <p className="notice notice-error" role="alert">
          This order no longer reads as it was signed: check it with the prescriber before acting on it.
        </p>
      )}
    </div>
  );
}
