import { badInput } from './errors.ts';

// The one cursor of every list (patients, the pharmacy queue, the audit log): the sort key of the
// last row shown, as JSON in base64url. Opaque to clients; read back only through `decodeCursor`,
// whose check keeps anything we did not make (an id that is not a uuid, say) away from SQL.

/** An opaque cursor carrying `key`, the sort key of a row. */
export function encodeCursor(key: unknown): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/**
 * The sort key in `cursor` when `isKey` accepts it; otherwise BAD_USER_INPUT on `after`, telling
 * the caller the cursor is not one `list` gave out.
 */
export function decodeCursor<Key>(cursor: string, isKey: (key: unknown) => key is Key, list: string): Key {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (isKey(key)) return key;
  } catch {
    // Falls through to the refusal: a cursor we did not make.
  }
  throw badInput('after', `This cursor is not one ${list} gave out; start from the first page.`);
}

/** A Relay connection's edges and page info. */
export interface Page<Node> {
  edges: { cursor: string; node: Node }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/**
 * One page of `rows`, read with `first + 1` rows so the extra one says whether another page
 * follows; each edge's cursor is the sort key of its row.
 */
export function pageOf<Row, Node = Row>(
  rows: readonly Row[],
  first: number,
  cursorOf: (row: Row) => string,
  nodeOf: (row: Row) => Node = (row) => row as unknown as Node,
): Page<Node> {
  const edges = rows.slice(0, first).map((row) => ({ cursor: cursorOf(row), node: nodeOf(row) }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
  };
}
