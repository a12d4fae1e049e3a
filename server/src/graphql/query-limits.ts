import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { GraphQLFormattedError } from 'graphql';

/** Depth, cost and alias limits: a query cannot ask the database for everything at once. */
export const QUERY_LIMITS = { maxDepth: 10, maxCost: 5_000, maxAliases: 15, maxTokens: 2_000 } as const;

/**
 * GraphQL Armor's depth, cost and alias limits as validation rules (and Apollo plugins): Apollo
 * takes them all, the WebSocket (live/live-server.ts) the rules.
 */
export function queryArmor(production: boolean) {
  return new ApolloArmor({
    maxDepth: { n: QUERY_LIMITS.maxDepth, ignoreIntrospection: true },
    costLimit: { maxCost: QUERY_LIMITS.maxCost, ignoreIntrospection: true },
    maxAliases: { n: QUERY_LIMITS.maxAliases },
    // The token limit is graphql-js's own (parse option `maxTokens`): see below.
    maxTokens: { enabled: false },
    // Suggestions ("did you mean …") describe the schema to a stranger; keep them for development.
    blockFieldSuggestion: { enabled: production },
  }).protect();
}

// graphql-js's own token limit (parse option `maxTokens`) refuses before the document is built
// (16.x words it "more that").
// GraphQL Armor's counter is not used: it throws from an Apollo plugin hook, which Apollo answers
// HTTP 500, and it replaces the parser, so even a plain syntax error became a 500.
const TOKEN_LIMIT = /^Syntax Error: Document contains more tha[nt] (\d+) tokens\. Parsing aborted\.$/;
// Armor's validation rules word every refusal "Syntax Error: …"; the query was well-formed.
const ARMOR_PREFIX = 'Syntax Error: ';

/**
 * A refusal for a query over a limit, worded as what it is (HTTP 400, GRAPHQL_VALIDATION_FAILED,
 * "Token limit of 2000 exceeded."), not as a syntax error. Other errors are returned unchanged.
 */
export function limitRefusalAsSuch(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const tokens = TOKEN_LIMIT.exec(formatted.message);
  if (tokens !== null) {
    return {
      message: `Token limit of ${tokens[1]} exceeded.`,
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    };
  }
  if (
    formatted.extensions?.code === 'GRAPHQL_VALIDATION_FAILED' &&
    formatted.message.startsWith(ARMOR_PREFIX)
  ) {
    return { ...formatted, message: formatted.message.slice(ARMOR_PREFIX.length) };
  }
  return formatted;
}
