import { isDeepStrictEqual } from 'node:util';

// Before the minimal endpoint is timed, its answers must be the product's: the same JSON, compared
// as values (key order aside). The worklist's order is specified by date, then code; lines that
// share both come in an order the product does not promise, so only those are compared as a set.

/** The first place two JSON values differ, as a path (`worklist[3].trial.status.state`); null when equal. */
export function firstDifference(a: unknown, b: unknown, path = ''): string | null {
  if (isDeepStrictEqual(a, b)) return null;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null)
    return `${path}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`;
  if (Array.isArray(a) !== Array.isArray(b)) return `${path}: an array on one side only`;
  if (Array.isArray(a) && Array.isArray(b) && a.length !== b.length)
    return `${path}: ${a.length} ≠ ${b.length} elements`;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    const found = firstDifference(
      (a as Record<string, unknown>)[key],
      (b as Record<string, unknown>)[key],
      Array.isArray(a) ? `${path}[${key}]` : `${path}.${key}`,
    );
    if (found !== null) return found;
  }
  return `${path}: differs`;
}

interface Dated {
  date: string;
  code: string;
}

const byDateAndCode = (a: Dated, b: Dated) =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : a.code.localeCompare(b.code);

/** A worklist in its specified order, lines that tie on date and code put in one fixed order. */
function canonicalWorklist(items: readonly Dated[], side: string): Dated[] {
  items.forEach((item, index) => {
    const previous = items[index - 1];
    if (previous !== undefined && byDateAndCode(previous, item) > 0)
      throw new Error(`${side} worklist is not sorted by date and code at line ${index}`);
  });
  return [...items].sort((a, b) => byDateAndCode(a, b) || JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

/** Throws, naming the first difference, unless the two worklists are the same lines in the specified order. */
export function assertSameWorklist(product: readonly Dated[], minimal: readonly Dated[]): void {
  const difference = firstDifference(
    canonicalWorklist(product, 'the product’s'),
    canonicalWorklist(minimal, 'the minimal endpoint’s'),
    'worklist',
  );
  if (difference !== null)
    throw new Error(`The minimal endpoint's worklist differs from the product's: ${difference}`);
}

/** Throws, naming the first difference, unless the two trial pages are the same JSON. */
export function assertSameTrialPage(product: unknown, minimal: unknown): void {
  const difference = firstDifference(product, minimal, 'trial');
  if (difference !== null)
    throw new Error(`The minimal endpoint's trial page differs from the product's: ${difference}`);
}
