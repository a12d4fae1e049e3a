import { REJECTION_REASONS, type RejectionCode } from '@ldn/rules';

/** A rejection as clinic and pharmacy read it: the coded reason in words, then the note. */
export function rejectionText(code: RejectionCode, note: string | null): string {
  return note === null ? REJECTION_REASONS[code] : `${REJECTION_REASONS[code]} — ${note}`;
}
