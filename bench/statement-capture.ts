import { ACCESS_STATEMENT, accessParameters, type DataAccess } from '../prisma/src/data-access.ts';
import { ScopedClient } from '../prisma/src/scoped-postgres.ts';
import type { pg } from './pg.ts';

// The statements the product sends, as it sends them: text, parameters, the connection and the
// data access each went under, caught at node-postgres's client (the bench's instrument, not the
// product's). Each can then be explained again on a connection of its own, in the same state: the
// same transaction settings, the same role and organisation for row-level security.

/** One statement the product sent. */
export interface SentStatement {
  text: string;
  values: unknown[];
  /** The connection it went on (statements of one transaction share it). */
  connection: object;
  access: DataAccess | null;
}

const BEGINS = /^\s*(BEGIN|START\s+TRANSACTION)\b/i;
const ENDS = /^\s*(COMMIT|END|ROLLBACK|ABORT)\b/i;
const SETTING = /^\s*SET\b/i;

/** Transaction control and settings: replayed before a statement, never explained themselves. */
export const isControl = (text: string): boolean =>
  BEGINS.test(text) || ENDS.test(text) || SETTING.test(text);

function textAndValues(config: unknown, values: unknown): { text: string; values: unknown[] } | null {
  if (typeof config === 'string') return { text: config, values: Array.isArray(values) ? values : [] };
  if (typeof config !== 'object' || config === null || !('text' in config) || typeof config.text !== 'string')
    return null;
  const own = 'values' in config && Array.isArray(config.values) ? config.values : [];
  return { text: config.text, values: Array.isArray(values) ? values : own };
}

/** Records every statement sent while `work` runs (nothing else may run meanwhile), in order. */
export async function captureStatements(work: () => Promise<unknown>): Promise<SentStatement[]> {
  const sent: SentStatement[] = [];
  const scopedQuery = ScopedClient.prototype.query;
  ScopedClient.prototype.query = function capture(this: ScopedClient, config, values, callback) {
    const statement = textAndValues(config, values);
    if (statement !== null) sent.push({ ...statement, connection: this, access: this.boundAccess });
    return scopedQuery.call(this, config, values, callback);
  };
  try {
    await work();
  } finally {
    ScopedClient.prototype.query = scopedQuery;
  }
  return sent;
}

/**
 * The statements to send before `statements[index]` on a fresh connection so that it runs as it
 * ran: the transaction it was part of opened again with its settings (isolation, SET LOCAL), or a
 * transaction of its own; then its data access.
 */
function preludeOf(
  statements: readonly SentStatement[],
  index: number,
): { text: string; values: unknown[] }[] {
  const target = statements[index];
  if (target === undefined) return [];
  const before = statements.slice(0, index).filter((statement) => statement.connection === target.connection);
  const lastOf = (pattern: RegExp) =>
    before.map((statement) => pattern.test(statement.text)).lastIndexOf(true);
  const opened = lastOf(BEGINS);
  const closed = lastOf(ENDS);
  const inTransaction = opened > closed;
  const prelude = inTransaction
    ? before.slice(opened).filter((statement) => BEGINS.test(statement.text) || SETTING.test(statement.text))
    : [{ text: 'BEGIN', values: [] }];
  const access =
    target.access === null ? [] : [{ text: ACCESS_STATEMENT, values: accessParameters(target.access) }];
  return [...prelude.map(({ text, values }) => ({ text, values })), ...access];
}

/** EXPLAIN (ANALYZE, BUFFERS) of `statements[index]` on `client`, rolled back: its plan, line by line. */
export async function explainAgain(
  client: InstanceType<typeof pg.Client>,
  statements: readonly SentStatement[],
  index: number,
): Promise<string[]> {
  const target = statements[index];
  if (target === undefined) return [];
  try {
    for (const { text, values } of preludeOf(statements, index)) await client.query(text, values);
    const plan = await client.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN (ANALYZE, BUFFERS) ${target.text}`,
      target.values,
    );
    return plan.rows.map((row) => row['QUERY PLAN']);
  } finally {
    // Its writes (an audit row) were the product's to make once: none is kept.
    await client.query('ROLLBACK');
  }
}
