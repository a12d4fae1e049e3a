const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A calendar date `2026-03-15` as `15 Mar 2026`: read from its parts, never through `Date`, so
 * no time zone can move it a day.
 */
export function formatDate(isoDate: string | null | undefined): string {
  if (isoDate === null || isoDate === undefined) return '—';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (match === null) return isoDate;
  const [, year, month, day] = match;
  return `${Number(day)} ${MONTHS[Number(month) - 1] ?? month} ${year}`;
}

/** An instant (`2026-03-15T10:00:00Z`) in the reader's own time zone. */
export function formatDateTime(instant: string | null | undefined): string {
  if (instant === null || instant === undefined) return '—';
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  return date.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

/** A nightly dose: `1.5 mg`, `3.0 mg`, `4.5 mg`. */
export function formatDose(doseMg: number | null | undefined): string {
  if (doseMg === null || doseMg === undefined) return '—';
  return `${doseMg.toFixed(1)} mg`;
}

/** A pharmacy's prescription number as it is printed and read out: "Rx 000123"; a draft has none. */
export function formatRxNumber(rxNumber: number | null | undefined): string {
  return rxNumber == null ? '—' : `Rx ${String(rxNumber).padStart(6, '0')}`;
}

/** `ASSESSMENT_DUE` → `Assessment due`: an enum value as words. */
export function humanize(code: string): string {
  const words = code.toLowerCase().split('_').join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A fraction as a whole percentage: 0.3 → `30 %`. */
export function formatPercent(fraction: number): string {
  return `${Math.round(fraction * 100)} %`;
}

/** A patient's name as the clinic reads it. */
export function patientName(person: { givenName: string; familyName: string }): string {
  return `${person.givenName} ${person.familyName}`;
}
