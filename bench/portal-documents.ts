import { readFileSync } from 'node:fs';

// The portal's own GraphQL documents (web/src/features/…/api/*.ts), so a bench asks the server what
// the portal asks. A document may spread fragments written beside it (`graphql(`…`, [Fragment])`):
// they are appended, and gql.tada's client-side `@_unmask` is dropped, as the portal's build does.

const DOCUMENT = /(?:const\s+(\w+)\s*=\s*)?graphql\(\s*`([\s\S]*?)`/g;

/** Every `graphql(`…`)` of a portal module: by the name of the constant holding it, in file order. */
function documentsOf(path: string): { name: string | undefined; text: string }[] {
  const source = readFileSync(new URL(`../web/src/features/${path}`, import.meta.url), 'utf8');
  return [...source.matchAll(DOCUMENT)].map(([, name, text = '']) => ({
    name,
    text: text.replaceAll('@_unmask', ''),
  }));
}

/**
 * The document `name` of the portal module `path` (default: its first), with the fragments it
 * spreads, as the server receives it.
 */
export function portalDocument(path: string, name?: string): string {
  const documents = documentsOf(path);
  const wanted = name === undefined ? documents[0] : documents.find((document) => document.name === name);
  if (wanted === undefined) throw new Error(`no graphql document ${name ?? ''} in ${path}`);
  const fragments = new Map<string, string>();
  for (const { text } of documents) {
    const fragment = /fragment\s+(\w+)/.exec(text)?.[1];
    if (fragment !== undefined) fragments.set(fragment, text);
  }
  const included = new Set<string>();
  const include = (text: string) => {
    for (const [, spread = ''] of text.matchAll(/\.\.\.(\w+)/g)) {
      const fragment = fragments.get(spread);
      if (fragment === undefined || included.has(spread)) continue;
      included.add(spread);
      include(fragment);
    }
  };
  include(wanted.text);
  return [wanted.text, ...[...included].map((fragment) => fragments.get(fragment))].join('\n');
}
