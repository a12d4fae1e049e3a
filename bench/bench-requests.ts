import { portalDocument } from './portal-documents.ts';
import { PASSWORD } from './submissions.ts';

// What `pnpm bench:pages` asks, as the portal asks it: its own documents, each as the person whose
// page it is. Every request is sent over HTTP; any GraphQL error stops the bench.

/** One kind of request of the table. */
export interface BenchRequest {
  label: string;
  /** How many timed requests (the argon2-bound sign-in and the report get fewer). */
  requests: number;
  /** Untimed requests first, so the server's caches and the database's buffers are warm. */
  warmups: number;
  /** The request number `n`'s answer (its `data`). */
  ask(n: number): Promise<Record<string, unknown>>;
  /** What one answer holds, for the table (items of the worklist, rows of a page). */
  items(data: Record<string, unknown>): number;
}

/** The `data` of one GraphQL request to `endpoint`; rejects on any error. */
export async function graphqlData(
  endpoint: string,
  label: string,
  query: string,
  variables: Record<string, unknown>,
  cookie?: string,
): Promise<Record<string, unknown>> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie === undefined ? {} : { cookie }) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
  if (body.errors !== undefined || body.data === undefined)
    throw new Error(`${label}: ${JSON.stringify(body.errors ?? response.status)}`);
  return body.data;
}

/** Who asks what: the session cookies of the bench's people, the trials and the accounts to use. */
export interface Askers {
  clinician: string;
  pharmacist: string;
  networkAdmin: string;
  /** Trials of the clinic whose pages are asked in turn. */
  trialIds: string[];
  /** Accounts with PASSWORD, one per client at a time (the throttle counts attempts per account). */
  signInEmails: string[];
}

/** Searches the portal's patient list is asked: name words, a name, an MRN prefix, a birth date. */
export const PATIENT_SEARCHES = ['Bench', 'Patient 1050', 'B-10', '1950-02-20'];
/** The pharmacy queue's first filter (to do), as the portal opens it, then a search by name. */
const QUEUE_VIEWS = [
  { states: ['SUBMITTED', 'RECEIVED', 'COMPOUNDING', 'READY', 'ON_HOLD'], search: null },
  { states: null, search: 'Patient 1050' },
];

const lengthOf = (value: unknown) => (Array.isArray(value) ? value.length : 0);
const edgesOf = (connection: unknown) =>
  lengthOf((connection as { edges?: unknown[] } | null | undefined)?.edges);

/** Every kind of request of the table, asked of the GraphQL server at `endpoint`. */
export function benchRequests(
  endpoint: string,
  askers: Askers,
  sizes: { requests: number; signIns: number; reports: number; clients: number },
): BenchRequest[] {
  const ask =
    (label: string, query: string, cookie: string | undefined, variables: (n: number) => object) =>
    (n: number) =>
      graphqlData(endpoint, label, query, { ...variables(n) }, cookie);
  const warmups = sizes.clients * 2;
  return [
    {
      label: 'worklist',
      requests: sizes.requests,
      warmups,
      ask: ask('worklist', portalDocument('worklist/api/worklist.ts'), askers.clinician, () => ({})),
      items: (data) => lengthOf(data.worklist),
    },
    {
      label: 'trial page',
      requests: sizes.requests,
      warmups,
      ask: ask('trial page', portalDocument('trials/api/trial.ts'), askers.clinician, (n) => ({
        id: askers.trialIds[n % askers.trialIds.length],
      })),
      items: () => 1,
    },
    {
      label: 'patient search',
      requests: sizes.requests,
      warmups,
      ask: ask('patient search', portalDocument('patients/api/patients.ts'), askers.clinician, (n) => ({
        search: PATIENT_SEARCHES[n % PATIENT_SEARCHES.length],
        first: 20,
        after: null,
      })),
      items: (data) => edgesOf(data.patients),
    },
    {
      label: 'pharmacy queue',
      requests: sizes.requests,
      warmups,
      ask: ask('pharmacy queue', portalDocument('pharmacy/api/queue.ts'), askers.pharmacist, (n) => ({
        ...QUEUE_VIEWS[n % QUEUE_VIEWS.length],
        first: 50,
        after: null,
      })),
      items: (data) => edgesOf(data.pharmacyQueue),
    },
    {
      label: 'sign-in',
      requests: sizes.signIns,
      warmups: 1,
      ask: ask('sign-in', portalDocument('auth/api/sign-in.ts'), undefined, (n) => ({
        input: { email: askers.signInEmails[n % askers.signInEmails.length], password: PASSWORD },
      })),
      items: () => 1,
    },
    {
      label: 'continuation report',
      requests: sizes.reports,
      warmups: 0,
      ask: ask(
        'continuation report',
        portalDocument('analytics/api/continuation-report.ts', 'ContinuationReportQuery'),
        askers.networkAdmin,
        () => ({ filter: {} }),
      ),
      items: (data) => lengthOf((data.continuationReport as { byClinic?: unknown[] } | null)?.byClinic),
    },
  ];
}
