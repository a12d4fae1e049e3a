import { createHash } from 'node:crypto';

// A statement a page sends on every request can be prepared: PostgreSQL then parses and plans it
// once per connection rather than at every request. Under row-level security planning a page's
// statement cost PostgreSQL as much as running it (every table it names brings its policy): the
// trial page's went from 2.4 to 1.0 ms of PostgreSQL's CPU per request (issue #16).
//
// A statement opts in with a leading comment naming it (`preparedMark`); the scoped client
// (scoped-postgres.ts) sends it as a named prepared statement when the pool allows it, or as it is
// when not (behind a pooler that cannot keep them: PgBouncer before 1.21, or without
// max_prepared_statements). Its name carries a hash of its text, so two texts never share one.
// A prepared statement's columns are fixed when it is first planned: it lists its result columns
// rather than `*`, so a column a later migration adds (a rolling deploy) does not change them.

const MARK = /^\/\* prepared: ([a-z][a-z0-9-]{0,40}) \*\//;

/** The comment that starts a statement to prepare, naming it (lower-case words and hyphens). */
export function preparedMark(name: string): string {
  const mark = `/* prepared: ${name} */`;
  if (!MARK.test(mark)) throw new Error(`not a prepared statement's name: ${name}`);
  return mark;
}

/** Names by text: a page's few texts, each hashed once. */
const names = new Map<string, string>();
const MAX_NAMES = 256;

/** The prepared statement's name for `sql` when it starts with a mark, else undefined. */
export function preparedNameOf(sql: string): string | undefined {
  if (!sql.startsWith('/* prepared: ')) return undefined;
  let name = names.get(sql);
  if (name === undefined) {
    const mark = MARK.exec(sql)?.[1];
    if (mark === undefined) return undefined;
    name = `${mark}-${createHash('sha256').update(sql).digest('hex').slice(0, 16)}`;
    // A bound, should marked texts ever vary without limit: forgetting only costs a hash again.
    if (names.size >= MAX_NAMES) names.clear();
    names.set(sql, name);
  }
  return name;
}
