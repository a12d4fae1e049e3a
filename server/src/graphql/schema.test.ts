import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { printedSchema, SCHEMA_FILE } from './print-schema.ts';

describe('the committed schema (server/schema.graphql)', () => {
  it('is the print of the code-first schema (run `pnpm --filter @ldn/server schema:print` when this fails)', async () => {
    expect(await readFile(SCHEMA_FILE, 'utf8')).toBe(await printedSchema());
  });
});
