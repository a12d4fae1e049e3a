/** The channel the database's triggers announce changes on (migration 20261127150000_live_changes). */
export const CHANGES_CHANNEL = 'ldn_changes';

/** A change as the database announced it: the record's ids and the organisations that may see it. */
export interface DatabaseChange {
  entity: string;
  id: string;
  patientId?: string;
  trialId?: string;
  orderId?: string;
  clinicId?: string;
  /** Set only once an order has left DRAFT: a pharmacy never hears of drafts. */
  pharmacyId?: string;
}

const OPTIONAL_IDS = ['patientId', 'trialId', 'orderId', 'clinicId', 'pharmacyId'] as const;

/** A notification's payload as a change; null for anything else (nothing on the channel is trusted blindly). */
export function parseDatabaseChange(payload: string): DatabaseChange | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(payload);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const fields = parsed as Record<string, unknown>;
  if (typeof fields.entity !== 'string' || typeof fields.id !== 'string') return null;
  const change: DatabaseChange = { entity: fields.entity, id: fields.id };
  for (const key of OPTIONAL_IDS) {
    const value = fields[key];
    if (typeof value === 'string') change[key] = value;
    else if (value !== undefined) return null;
  }
  return change;
}
