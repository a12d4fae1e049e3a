import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { createSchema } from './schema.ts';

/** Where the committed SDL lives: the portal's typed documents are checked against it. */
export const SCHEMA_FILE = resolve(import.meta.dirname, '..', '..', 'schema.graphql');

export async function printedSchema(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await createSchema()))}\n`;
}

// `pnpm --filter @ldn/server schema:print` rewrites the committed file.
if (process.argv[1] !== undefined && import.meta.filename === resolve(process.argv[1])) {
  await writeFile(SCHEMA_FILE, await printedSchema());
  console.log(`wrote ${SCHEMA_FILE}`);
}
