// Prints a DATABASE_URL for a new, empty database on the tests' PostgreSQL server, or nothing when
// the tests run on PGlite. The browser tests' fresh installation (tests/playwright.config.ts) starts
// `pnpm admin:create` and the server on it, as an installer would with DATABASE_URL.
import { emptyNamedDatabase } from '@ldn/db/testing';

const name = process.argv[2];
if (name === undefined) {
  console.error('usage: fresh-database.ts <database name>');
  process.exit(2);
}
const url = await emptyNamedDatabase(name);
if (url !== null) console.log(url);
