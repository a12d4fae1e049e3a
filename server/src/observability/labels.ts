// Label values for metrics and span names. Every one is from a small, fixed set or bounded here:
// a label's every value is a time series Prometheus keeps, and none may carry patient data (a
// path can hold a record id, an operation name or a query string anything a client typed).

const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
/** Distinct operation names kept per process; the portal's own are well under it. */
export const MAX_OPERATION_NAMES = 200;

/**
 * The label of a GraphQL operation's name: the name itself when it is a well-formed GraphQL name of
 * at most 64 characters, `anonymous` without one, `invalid` otherwise, and `other` once
 * `MAX_OPERATION_NAMES` distinct names have been seen, so a client inventing names cannot grow the
 * series without bound.
 */
export class OperationNames {
  private readonly seen = new Set<string>();

  constructor(private readonly limit = MAX_OPERATION_NAMES) {}

  label(name: string | null | undefined): string {
    if (name === null || name === undefined || name === '') return 'anonymous';
    if (!OPERATION_NAME.test(name)) return 'invalid';
    if (this.seen.has(name)) return name;
    if (this.seen.size >= this.limit) return 'other';
    this.seen.add(name);
    return name;
  }
}

const ERROR_CODE = /^[A-Z][A-Z0-9_]{0,63}$/;

/** An error's `extensions.code` as a label: our codes are upper-case words; anything else is `UNKNOWN`. */
export function errorCodeLabel(code: unknown): string {
  return typeof code === 'string' && ERROR_CODE.test(code) ? code : 'UNKNOWN';
}

const OPERATION_TYPES = new Set(['query', 'mutation', 'subscription']);

export function operationTypeLabel(type: string | undefined): string {
  return type !== undefined && OPERATION_TYPES.has(type) ? type : 'unknown';
}

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

export function methodLabel(method: string | undefined): string {
  return method !== undefined && METHODS.has(method) ? method : 'other';
}

const ROUTES = new Set(['/graphql', '/healthz', '/readyz', '/metrics']);

/**
 * Which part of the app a path is: the API and the health checks by name, the FHIR API as `/fhir`,
 * the portal's built files as `asset`, and every other path as `portal` (its client-side routes,
 * like the FHIR API's, carry record ids).
 */
export function routeLabel(path: string): string {
  const bare = path.split('?')[0] ?? '';
  if (ROUTES.has(bare)) return bare;
  if (bare.startsWith('/assets/')) return 'asset';
  if (bare.startsWith('/fhir/')) return '/fhir';
  return 'portal';
}
