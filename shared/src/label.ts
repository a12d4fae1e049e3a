/**
 * What a pharmacy label for LDN must say beyond the prescription itself. Naltrexone blocks opioid
 * pain relief and can bring on withdrawal in someone taking opioids (clinical-rules.md §3), so
 * every container says so.
 */
export const OPIOID_LABEL_WARNING = 'Do not take with opioid pain medicines.';

/**
 * A quantity as a label reads it: a count of capsules takes the plural ("1 capsule",
 * "14 capsules"); a measure keeps its symbol ("30 mL", "2.5 mL").
 */
export function quantityOnLabel(quantity: number, unit: string): string {
  const amount = Number.isInteger(quantity) ? String(quantity) : String(Number(quantity.toFixed(2)));
  if (unit === 'capsule') return `${amount} ${quantity === 1 ? 'capsule' : 'capsules'}`;
  return `${amount} ${unit}`;
}
