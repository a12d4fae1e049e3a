import { isStatementCancelled } from '@ldn/db';
import { GraphQLError, type GraphQLFormattedError, Kind } from 'graphql';
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

/** The GraphQLError graphql-js raised itself, from the error Apollo hands the boundary. */
function graphqlJsError(error: unknown): GraphQLError | null {
  return error instanceof GraphQLError ? error : null;
}

/**
 * A variable graphql-js could not coerce: its error is attached to the variable's definition and,
 * when a value inside the variable was refused, carries the scalar's or the input type's own
 * error as `originalError` (its reason, without the whole value echoed).
 */
function variableFailure(error: unknown): { field: string; reason: string } | null {
  const refused = graphqlJsError(error);
  const node = refused?.nodes?.[0];
  const cause = refused?.originalError;
  // A value refused inside the variable: graphql-js's coercion error, which has no node of its own
  // (a variable left out or null has no cause but itself, and passes through as it is).
  if (refused === null || node?.kind !== Kind.VARIABLE_DEFINITION) return null;
  if (!(cause instanceof GraphQLError) || cause.nodes !== undefined) return null;
  // graphql-js names the place inside the variable ("input.mrn") in its message only.
  const field = /^Variable "\$\w+" got invalid value .*? at "([^"]+)"; /s.exec(refused.message)?.[1];
  const reason = cause.message;
  return {
    field: field ?? node.variable.name.value,
    // The reason may end with the rejected value (patient data): keep the reason only.
    reason: reason.replace(/:\s*(".*"|\S+)\s*$/s, '.').replace(/\s*;.*$/s, ''),
  };
}

function badInputAnswer(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const failures = formatted.extensions?.validationErrors as ValidationFailure[] | undefined;
  if (failures !== undefined) {
    const fields = fieldsOf(failures);
    return {
      message: fields.map((f) => f.message).join(' ') || 'The input is not valid.',
      path: formatted.path,
      extensions: { code: 'BAD_USER_INPUT', field: fields[0]?.field, fields },
    };
  }
  const variable = variableFailure(error);
  if (variable !== null) {
    return {
      message: `Invalid value at "${variable.field}": ${variable.reason}`,
      extensions: { code: 'BAD_USER_INPUT', field: variable.field },
    };
  }
  return formatted;
}

/**
 * An explicit null for a non-null argument, which graphql-js refuses while executing the field:
 * its own error (no code, no cause), attached to the argument's value. It names the argument in
 * its message only.
 */
function nullArgument(error: unknown): string | null {
  const refused = graphqlJsError(error);
  if (refused === null || refused.originalError != null || refused.extensions.code !== undefined) return null;
  return (
    /^Argument "(\w+)" of (?:non-null|required) type "[^"]+" (?:must not be null|was not provided)\.$/.exec(
      refused.message,
    )?.[1] ?? null
  );
}

/**
 * The one place unexpected errors are hidden: typed errors pass through, a statement the database
 * cancelled (its timeout) is answered TIMEOUT, anything else (a bug, a database error with SQL or
 * data in its message) is logged by kind and answered generically. Lines logged here carry the
 * request's id (the request's logger; `log` outside a request).
 */
export function formatError(log: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    if (code === 'BAD_USER_INPUT') return badInputAnswer(formatted, error);
    if (typeof code === 'string' && PASSED_THROUGH.has(code)) {
      const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    const original = (error as { originalError?: unknown }).originalError ?? error;
    const argument = nullArgument(original);
    if (argument !== null) {
      return {
        message: formatted.message,
        path: formatted.path,
        extensions: { code: 'BAD_USER_INPUT', field: argument },
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
