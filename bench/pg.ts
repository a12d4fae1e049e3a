import { createRequire } from 'node:module';
import type * as Pg from '../prisma/node_modules/@types/pg/index.d.ts';

// node-postgres itself, for the minimal endpoint and the EXPLAIN command: the workspace has it as
// the database package's dependency (prisma/), which is where it is resolved from.

/** node-postgres, as `import pg from 'pg'` gives it in the database package. */
export const pg = createRequire(new URL('../prisma/package.json', import.meta.url))('pg') as typeof Pg;
export type { Pool, PoolClient } from '../prisma/node_modules/@types/pg/index.d.ts';
