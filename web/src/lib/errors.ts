import type { CombinedError } from '@urql/core';

/** The API's catalogue of `extensions.code` (server/src/platform/errors.ts), plus NETWORK for no answer. */
export type ApiErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'RULE_VIOLATION'
  | 'OVERRIDE_REQUIRED'
  | 'CONFLICT'
  | 'INVALID_TRANSITION'
  | 'TOO_MANY_REQUESTS'
  | 'SIGNATURE_INVALID'
  | 'TIMEOUT'
  | 'NETWORK'
  | 'UNKNOWN';

const KNOWN_CODES: ReadonlySet<string> = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'RULE_VIOLATION',
  'OVERRIDE_REQUIRED',
  'CONFLICT',
  'INVALID_TRANSITION',
  'TOO_MANY_REQUESTS',
  'SIGNATURE_INVALID',
  'TIMEOUT',
]);

/** A finding as a RULE_VIOLATION or OVERRIDE_REQUIRED error carries it in `extensions.findings`. */
export interface ErrorFinding {
  code: string;
  severity: string;
  message: string;
}

/** What the portal needs to know of a failed operation. */
export interface ApiError {
  code: ApiErrorCode;
  /** The server's own message (GraphQL errors), kept for codes whose message is the explanation. */
  serverMessage: string | null;
  findings: ErrorFinding[];
}

function isFinding(value: unknown): value is ErrorFinding {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return typeof candidate.code === 'string' && typeof candidate.message === 'string';
}

/**
 * Reads the code of an urql error: the first GraphQL error's `extensions.code`; a failure with
 * no GraphQL answer at all is NETWORK (kept apart, as urql's CombinedError does).
 */
export function apiErrorOf(error: CombinedError): ApiError {
  const first = error.graphQLErrors[0];
  if (first === undefined) {
    return { code: error.networkError ? 'NETWORK' : 'UNKNOWN', serverMessage: null, findings: [] };
  }
  const rawCode = first.extensions?.code;
  const code =
    typeof rawCode === 'string' && KNOWN_CODES.has(rawCode) ? (rawCode as ApiErrorCode) : 'UNKNOWN';
  const rawFindings = first.extensions?.findings;
  const findings = Array.isArray(rawFindings) ? rawFindings.filter(isFinding) : [];
  return { code, serverMessage: first.message, findings };
}

/** True when the error is the API saying the session is gone (or never was). */
export function isUnauthenticated(error: CombinedError): boolean {
  return error.graphQLErrors.some((graphQLError) => graphQLError.extensions?.code === 'UNAUTHENTICATED');
}

/** Default wording per code; a screen may give its own for the codes it expects. */
const DEFAULT_MESSAGES: Record<ApiErrorCode, string> = {
  UNAUTHENTICATED: 'Your session has ended. Sign in again to continue.',
  FORBIDDEN: 'Your role does not allow this.',
  NOT_FOUND: 'Not found. It may not exist, or it belongs to another organisation.',
  BAD_USER_INPUT: 'Some of what was entered is not valid.',
  RULE_VIOLATION: 'The clinical rules do not allow this.',
  OVERRIDE_REQUIRED: 'This needs an override with a reason.',
  CONFLICT: 'Someone else changed this record; it has been reloaded. Check it and try again.',
  INVALID_TRANSITION: 'This is not possible in the current state.',
  TOO_MANY_REQUESTS: 'Too many attempts. Wait a few minutes and try again.',
  SIGNATURE_INVALID: 'The password is not right; nothing was signed.',
  TIMEOUT: 'The server took too long to answer. Try again in a moment.',
  NETWORK: 'The server could not be reached. Check the connection and try again.',
  UNKNOWN: 'Something went wrong. Try again, and tell support if it keeps happening.',
};

/** Codes whose server message says precisely what is wrong (which field, which state, which rule). */
const SERVER_MESSAGE_EXPLAINS: ReadonlySet<ApiErrorCode> = new Set([
  'BAD_USER_INPUT',
  'INVALID_TRANSITION',
  'RULE_VIOLATION',
  'OVERRIDE_REQUIRED',
]);

/**
 * A message for a person: the screen's wording for the code if it has one, else the default,
 * with the server's explanation added where it is the explanation.
 */
export function describeApiError(
  error: ApiError,
  wording: Partial<Record<ApiErrorCode, string>> = {},
): string {
  const own = wording[error.code];
  if (own !== undefined) return own;
  const base = DEFAULT_MESSAGES[error.code];
  if (SERVER_MESSAGE_EXPLAINS.has(error.code) && error.serverMessage) {
    return error.findings.length > 0 ? base : `${base} ${error.serverMessage}`;
  }
  return base;
}

/**
 * The server's message when it refused one field (BAD_USER_INPUT with `extensions.field`), or
 * null. The API words these precisely (password policy, a one-time link, a licence number), so
 * they are shown as written beside the field. A nested field (`input.name`) matches `name`.
 */
export function fieldErrorOf(error: CombinedError | undefined, field: string): string | null {
  const first = error?.graphQLErrors[0];
  const refused = first?.extensions?.field;
  if (first?.extensions?.code !== 'BAD_USER_INPUT' || typeof refused !== 'string') return null;
  return refused === field || refused.endsWith(`.${field}`) ? first.message : null;
}

/** True when the error is one of `fields` refused (so it is already shown beside that field). */
export function isFieldError(error: CombinedError | undefined, fields: readonly string[]): boolean {
  return fields.some((field) => fieldErrorOf(error, field) !== null);
}
