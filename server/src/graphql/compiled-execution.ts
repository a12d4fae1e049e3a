import type { ApolloServerOptionsWithGateway } from '@apollo/server';
import {
  type DocumentNode,
  type ExecutionResult,
  execute,
  GraphQLError,
  type GraphQLSchema,
  getVariableValues,
} from 'graphql';
import { type CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';
import type { Context } from './context.ts';

// graphql-js's `execute` interprets the document at every request: per field it builds the resolve
// info, the arguments and the result objects, about half of all bytes a 453-item worklist
// allocates, and most of its garbage collection (issue #16). graphql-jit compiles each operation
// once into a function that does the same work without the interpretation.
// It is plugged in as Apollo's gateway executor, not as a plugin's `responseForOperation`: a
// response from a plugin skips Apollo's own error handling (formatError, the error boundary,
// `didEncounterErrors` of the other plugins, `executionDidStart`), the gateway's executor does not.

type Gateway = ApolloServerOptionsWithGateway<Context>['gateway'];
type ExecutorContext = Parameters<NonNullable<Awaited<ReturnType<Gateway['load']>>['executor']>>[0];

/** Compiled operations kept: the portal and the integrations send a few dozen distinct ones. */
const COMPILED_OPERATIONS = 300;
/** Operations seen once and not yet compiled, remembered at most (then forgotten all at once). */
const SEEN_ONCE = 1_000;

/**
 * Operations compiled once and reused, the least recently used dropped past `COMPILED_OPERATIONS`.
 * An operation is compiled the second time it comes, not the first: compiling costs more than
 * running once, so a stream of distinct one-off documents (a probe, an attack) is only ever run by
 * graphql-js, and cannot push the portal's operations out either.
 */
class CompiledOperations {
  // A Map iterates in insertion order: re-inserting on use keeps the oldest first.
  private readonly byKey = new Map<string, CompiledQuery | null>();
  private readonly seenOnce = new Set<string>();

  constructor(private readonly schema: GraphQLSchema) {}

  /** The operation compiled; null when it came for the first time, or graphql-jit cannot compile it. */
  of(key: string, document: DocumentNode, operationName: string | undefined): CompiledQuery | null {
    const known = this.byKey.get(key);
    if (known !== undefined) {
      this.byKey.delete(key);
      this.byKey.set(key, known);
      return known;
    }
    if (!this.seenOnce.has(key)) {
      if (this.seenOnce.size >= SEEN_ONCE) this.seenOnce.clear();
      this.seenOnce.add(key);
      return null;
    }
    this.seenOnce.delete(key);
    const compiled = compileQuery(this.schema, document, operationName);
    const usable = isCompiledQuery(compiled) ? compiled : null;
    this.byKey.set(key, usable);
    if (this.byKey.size > COMPILED_OPERATIONS) {
      const oldest = this.byKey.keys().next().value;
      if (oldest !== undefined) this.byKey.delete(oldest);
    }
    return usable;
  }
}

/**
 * graphql-jit's error as graphql-js's own: graphql-jit leaves `extensions` undefined when the cause
 * has none (a bug's plain Error), and Apollo's formatting reads `extensions.code`, which would throw
 * and answer "Internal server error" past the error boundary (which logs it).
 */
function asGraphqlJsError(error: GraphQLError): GraphQLError {
  const converted = new GraphQLError(error.message, {
    path: error.path,
    originalError: error.originalError,
    ...(error.extensions === undefined ? {} : { extensions: error.extensions }),
  });
  // graphql-jit keeps the locations it computed, not the nodes graphql-js derives them from.
  if (error.locations !== undefined) Object.assign(converted, { locations: error.locations });
  return converted;
}

/** What executed an operation: tests tell the compiled path from graphql-js's by it. */
export type ExecutedBy = 'compiled' | 'graphql-js';

/** How operations over HTTP are executed; tests compare both ways and watch which one ran. */
export interface ExecutionOptions {
  /** false: graphql-js executes every operation (the reference the compiled answers must equal). */
  compile?: boolean;
  onExecuted?: (by: ExecutedBy) => void;
}

/**
 * Apollo's gateway (`new ApolloServer({ gateway })`) serving our own schema, whose executor runs
 * queries and mutations compiled by graphql-jit. graphql-js executes what graphql-jit cannot compile
 * and a request whose operation is not resolved (it answers the error). Variables are coerced by
 * graphql-js first, so that a refused one is answered with graphql-js's error (the error boundary
 * reads it: BAD_USER_INPUT and the field). Subscriptions never come here (refused over HTTP; the
 * WebSocket runs graphql-js itself).
 */
export function compiledExecution(
  schema: GraphQLSchema,
  { compile = true, onExecuted }: ExecutionOptions = {},
): Gateway {
  const compiled = new CompiledOperations(schema);

  async function run(request: ExecutorContext): Promise<ExecutionResult> {
    const { document, operation, queryHash, context } = request;
    const variables = request.request.variables ?? {};
    const operationName = request.request.operationName ?? undefined;
    const query =
      !compile || operation === undefined || operation.operation === 'subscription'
        ? null
        : compiled.of(`${queryHash}:${operationName ?? ''}`, document, operationName);
    if (query === null) {
      onExecuted?.('graphql-js');
      return execute({ schema, document, operationName, contextValue: context, variableValues: variables });
    }
    const coerced = getVariableValues(schema, operation?.variableDefinitions ?? [], variables, {
      maxErrors: 50,
    });
    if (coerced.errors !== undefined) return { errors: coerced.errors };
    onExecuted?.('compiled');
    // graphql-js's coerced values, not the request's: graphql-jit refuses a non-null input field
    // left out that has a default (firstDoseMg: Float! = 1.5), which graphql-js fills in. graphql-jit
    // coerces them again, which changes nothing: our scalars take their own output (a LocalDate's
    // string, a DateTimeISO's Date) and every enum value is its name (compiled-execution.test.ts).
    const result = await query.query(undefined, context, coerced.coerced);
    return result.errors === undefined ? result : { ...result, errors: result.errors.map(asGraphqlJsError) };
  }

  return {
    async load() {
      return { schema, executor: run };
    },
    onSchemaLoadOrUpdate(listener) {
      // The schema never changes: Apollo is told it once, before `load` resolves. No plugin of ours
      // reads the supergraph SDL (it is a federation gateway's).
      listener({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => {};
    },
    async stop() {},
  };
}
