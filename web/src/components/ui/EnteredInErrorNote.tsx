import { formatDateTime } from '../../lib/format.ts';
import { Badge } from './Badge.tsx';

/** The entered-in-error fields every corrected record answers with (server: EnteredInErrorFields). */
export interface EnteredInErrorMark {
  enteredInError: boolean;
  enteredInErrorAt: string | null;
  enteredInErrorByName: string | null;
  enteredInErrorReason: string | null;
}

/**
 * Who marked a record entered in error, when and why, shown with the record it struck through
 * (workflows.md, corrections). Nothing for a record that counts.
 */
export function EnteredInErrorNote({ record }: { record: EnteredInErrorMark }) {
  if (!record.enteredInError) return null;
  return (
    <p className="cell-detail">
      <Badge value="ENTERED_IN_ERROR" tone="danger" label="Entered in error" /> by{' '}
      {record.enteredInErrorByName ?? 'a clinician'} on {formatDateTime(record.enteredInErrorAt)}:{' '}
      {record.enteredInErrorReason}
    </p>
  );
}
