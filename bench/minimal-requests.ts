import type { Askers, BenchRequest } from './bench-requests.ts';
import { assertSameTrialPage, assertSameWorklist } from './same-json.ts';

// The minimal endpoint's twins of the product's worklist and trial page requests (same person, same
// trials, same numbers of requests), and the check that they answer the same JSON before either
// is timed.

/** How many trial pages are compared before the timing. */
const COMPARED_TRIAL_PAGES = 5;

async function minimalData(url: string, cookie: string): Promise<Record<string, unknown>> {
  const response = await fetch(url, { headers: { cookie } });
  const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
  if (body.data === undefined) throw new Error(`minimal endpoint ${url}: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** The minimal endpoint's request for each product request it mirrors, by label. */
export function minimalRequests(
  origin: string,
  askers: Askers,
  requests: readonly BenchRequest[],
): Map<string, BenchRequest> {
  const paths: Record<string, (n: number) => string> = {
    worklist: () => '/worklist',
    'trial page': (n) => `/trial/${askers.trialIds[n % askers.trialIds.length]}`,
  };
  return new Map(
    requests.flatMap((request) => {
      const path = paths[request.label];
      if (path === undefined) return [];
      const twin: BenchRequest = {
        ...request,
        ask: (n) => minimalData(`${origin}${path(n)}`, askers.clinician),
      };
      return [[request.label, twin] as const];
    }),
  );
}

/** Asks both sides the worklist and a few trial pages and throws at the first difference; says what matched. */
export async function sameJsonChecks(
  requests: readonly BenchRequest[],
  mirrored: ReadonlyMap<string, BenchRequest>,
): Promise<string> {
  const pair = (label: string) => {
    const product = requests.find((request) => request.label === label);
    const minimal = mirrored.get(label);
    if (product === undefined || minimal === undefined) throw new Error(`no ${label} on both sides`);
    return { product, minimal };
  };
  const worklist = pair('worklist');
  const [productList, minimalList] = await Promise.all([worklist.product.ask(0), worklist.minimal.ask(0)]);
  type Line = { date: string; code: string };
  assertSameWorklist(productList.worklist as Line[], minimalList.worklist as Line[]);
  const trialPage = pair('trial page');
  for (let n = 0; n < COMPARED_TRIAL_PAGES; n += 1) {
    const [product, minimal] = await Promise.all([trialPage.product.ask(n), trialPage.minimal.ask(n)]);
    assertSameTrialPage(product.trial, minimal.trial);
  }
  return (
    `Same JSON: the minimal endpoint's worklist (${worklist.product.items(productList)} items; lines of the same ` +
    `date and code compared as a set, the product not ordering them) and ${COMPARED_TRIAL_PAGES} trial pages ` +
    'equal the GraphQL data, every field the portal asks included.'
  );
}
