import type { CombinedError } from '@urql/core';

/**
 * The server's message when it refused one field (BAD_USER_INPUT with `extensions.field`), or
 * null: the API words password-policy and token problems precisely, so they are shown as written.
 */
export function fieldErrorOf(error: CombinedError | undefined, field: string): string | null {
  const first = error?.graphQLErrors[0];
  if (first?.extensions?.code !== 'BAD_USER_INPUT' || first.extensions.field !== field) return null;
  return first.message;
}
