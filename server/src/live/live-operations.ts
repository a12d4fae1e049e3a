import {
  type DocumentNode,
  type ExecutionArgs,
  GraphQLError,
  type GraphQLFormattedError,
  type GraphQLSchema,
  getOperationAST,
  parse,
  specifiedRules,
  type ValidationRule,
  validate,
} from 'graphql';
import type { SubscribePayload } from 'graphql-ws';
import { formatError } from '../graphql/error-boundary.ts';
import { limitRefusalAsSuch, QUERY_LIMITS, queryArmor } from '../graphql/query-limits.ts';
import { tooManyRequests } from '../platform/errors.ts';
import type { Logger } from '../platform/logger.ts';
import type { LiveContext } from './live-context.ts';

export interface SubscriptionLimits {
  production: boolean;
  /** Subscriptions open on the socket, this one included. */
  subscriptionsOpen: number;
  maxSubscriptions: number;
}

const withCode = (error: GraphQLError, code: string) =>
  new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    extensions: { ...error.extensions, code },
  });

const armorRulesByMode = new Map<boolean, readonly ValidationRule[]>();
/** The same depth, cost and alias limits as a POSTed query (query-limits.ts). */
function limitRules(production: boolean): readonly ValidationRule[] {
  let rules = armorRulesByMode.get(production);
  if (rules === undefined) {
    rules = [...specifiedRules, ...(queryArmor(production).validationRules as ValidationRule[])];
    armorRulesByMode.set(production, rules);
  }
  return rules;
}

/**
 * A subscribe message checked as Apollo checks a POSTed operation (the token limit while parsing,
 * then graphql-js's and Armor's validation) into what graphql-ws executes; or the refusals. Only
 * subscriptions: queries and mutations go over HTTP, where the request context, audit and error
 * boundary of every resolver are.
 */
export function subscriptionArgs(
  schema: GraphQLSchema,
  payload: SubscribePayload,
  contextValue: LiveContext,
  limits: SubscriptionLimits,
): ExecutionArgs | GraphQLError[] {
  if (limits.subscriptionsOpen > limits.maxSubscriptions) {
    return [tooManyRequests('Too many subscriptions on one connection; end one before starting another.')];
  }
  let document: DocumentNode;
  try {
    document = parse(payload.query, { maxTokens: QUERY_LIMITS.maxTokens });
  } catch (error) {
    if (error instanceof GraphQLError) return [withCode(error, 'GRAPHQL_PARSE_FAILED')];
    throw error;
  }
  const operation = getOperationAST(document, payload.operationName ?? undefined);
  if (operation?.operation !== 'subscription') {
    return [
      new GraphQLError(
        'Only subscriptions are served over the WebSocket; POST queries and mutations to /graphql.',
        { extensions: { code: 'BAD_REQUEST' } },
      ),
    ];
  }
  const invalid = validate(schema, document, limitRules(limits.production));
  if (invalid.length > 0) return invalid.map((error) => withCode(error, 'GRAPHQL_VALIDATION_FAILED'));
  return {
    schema,
    document,
    operationName: payload.operationName,
    variableValues: payload.variables,
    contextValue,
  };
}

// graphql-js's "did you mean …" describes the schema to a stranger (Apollo's side: query-limits.ts).
const SUGGESTION = /\s*Did you mean .*\?$/s;

/** Errors for a socket through the API's one error boundary, as a POSTed operation's would be. */
export function liveErrorFormatter(log: Logger, production: boolean) {
  const boundary = formatError(log);
  return (errors: readonly GraphQLError[]): GraphQLFormattedError[] =>
    errors.map((error) => {
      const formatted = boundary(limitRefusalAsSuch(error.toJSON()), error);
      return production ? { ...formatted, message: formatted.message.replace(SUGGESTION, '') } : formatted;
    });
}
