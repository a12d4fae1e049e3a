import type { GraphQLFormattedError } from 'graphql';
import { ERROR_CODES } from '../platform/errors.ts';
import type { Logger } from '../platform/logger.ts';

// Codes Apollo itself raises for malformed requests; they say nothing about our data.
const APOLLO_REQUEST_CODES = [
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
];
const PASSED_THROUGH = new Set<string>([...ERROR_CODES, ...APOLLO_REQUEST_CODES]);

/**
 * The one place unexpected errors are hidden: typed errors pass through, anything else (a bug, a
 * database error with SQL or data in its message) is logged by kind and answered generically.
 */
export function formatError(log: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && PASSED_THROUGH.has(code)) {
      const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    const original = (error as { originalError?: unknown }).originalError ?? error;
    log.error(
      { path: formatted.path, errorName: original instanceof Error ? original.name : typeof original },
      'unexpected error in resolver',
    );
    return {
      message: 'Something went wrong on our side. It has been logged; please try again.',
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
