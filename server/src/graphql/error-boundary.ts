import { isStatementCancelled } from '@ldn/db';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ERROR_CODES, timedOut } from '../platform/errors.ts';
import type { Logger } from '../platform/logger.ts';
import { requestLog } from '../platform/request-context.ts';

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

interface ValidationFailure {
  property: string;
  constraints?: Record<string, string>;
  children?: ValidationFailure[];
}

/** class-validator's failures as field paths and messages, without the values (they may be patient data). */
function fieldsOf(failures: ValidationFailure[], prefix = ''): { field: string; message: string }[] {
  return failures.flatMap((failure) => {
    const field = `${prefix}${failure.property}`;
    const own = Object.values(failure.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...fieldsOf(failure.children ?? [], `${field}.`)];
  });
}

// graphql-js echoes the rejected value in variable errors; keep the path and the reason only.
const VARIABLE_ERROR = /^Variable "\$\w+" got invalid value .*? at "([^"]+)"; (.*)$/s;
const VARIABLE_ERROR_NO_PATH = /^Variable "\$(\w+)" got invalid value .*?; (.*)$/s;

function badInputAnswer(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const failures = formatted.extensions?.validationErrors as ValidationFailure[] | undefined;
  if (failures !== undefined) {
    const fields = fieldsOf(failures);
    return {
      message: fields.map((f) => f.message).join(' ') || 'The input is not valid.',
      path: formatted.path,
      extensions: { code: 'BAD_USER_INPUT', field: fields[0]?.field, fields },
    };
  }
  const match = VARIABLE_ERROR.exec(formatted.message) ?? VARIABLE_ERROR_NO_PATH.exec(formatted.message);
  if (match !== null) {
    const reason = (match[2] ?? '').replace(/:\s*(".*"|\S+)\s*$/s, '.').replace(/\s*;.*$/s, '');
    return {
      message: `Invalid value at "${match[1]}": ${reason}`,
      extensions: { code: 'BAD_USER_INPUT', field: match[1] },
    };
  }
  return formatted;
}

const ARGUMENT_ERROR =
  /^Argument "(\w+)" of (?:non-null|required) type "[^"]+" (?:must not be null|was not provided)\.$/;

/**
 * The one place unexpected errors are hidden: typed errors pass through, a statement the database
 * cancelled (its timeout) is answered TIMEOUT, anything else (a bug, a database error with SQL or
 * data in its message) is logged by kind and answered generically. Lines logged here carry the
 * request's id (the request's logger; `log` outside a request).
 */
export function formatError(log: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    if (code === 'BAD_USER_INPUT') return badInputAnswer(formatted);
    if (typeof code === 'string' && PASSED_THROUGH.has(code)) {
      const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    const original = (error as { originalError?: unknown }).originalError ?? error;
    // graphql-js refuses an explicit null for a non-null argument during execution, without a code.
    const argument = ARGUMENT_ERROR.exec(formatted.message);
    if (argument !== null && original instanceof GraphQLError) {
      return {
        message: formatted.message,
        path: formatted.path,
        extensions: { code: 'BAD_USER_INPUT', field: argument[1] },
      };
    }
    if (isStatementCancelled(original)) {
      requestLog(log).warn({ path: formatted.path }, 'database statement cancelled (statement timeout)');
      const { message, extensions } = timedOut();
      return { message, path: formatted.path, extensions };
    }
    requestLog(log).error(
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
