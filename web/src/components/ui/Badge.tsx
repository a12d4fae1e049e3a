import { humanize } from '../../lib/format.ts';

export type BadgeTone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

/** A state in words with a colour beside it; the words alone must carry the meaning. */
export function Badge({
  value,
  tone = 'neutral',
  label,
}: {
  value: string;
  tone?: BadgeTone;
  label?: string;
}) {
  return <span className={`badge badge-${tone}`}>{label ?? humanize(value)}</span>;
}
