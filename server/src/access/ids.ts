import { notFound } from '../platform/errors.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Record ids are UUIDs; anything else cannot name a record (and must not reach SQL as one). */
export function isRecordId(id: string): boolean {
  return UUID.test(id);
}

/**
 * The record `find` reads for `id`; NOT_FOUND when the id cannot name a record (it never reaches
 * SQL) or names none the caller may reach — another organisation's answers as a missing one does.
 */
export async function foundRecord<Row>(
  entity: string,
  id: string,
  find: () => Promise<Row | null>,
): Promise<Row> {
  const row = isRecordId(id) ? await find() : null;
  if (row === null) throw notFound(entity);
  return row;
}
