import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * The first GraphQL document of a portal module (web/src/features/<path>), as the portal sends it,
 * so a field the portal gains is counted by the tests that read it.
 */
export function portalDocument(path: string): string {
  const source = readFileSync(resolve(import.meta.dirname, '../../../web/src/features', path), 'utf8');
  const document = /graphql\(`([\s\S]*?)`\)/.exec(source)?.[1];
  if (document === undefined) throw new Error(`no graphql document in the portal's ${path}`);
  return document;
}
