import { vi } from 'vitest';

/** A GraphQL answer: data, or errors with an `extensions.code`. */
export type Answer = { data: unknown } | { errors: Array<{ message: string; extensions: { code: string } }> };

export interface RecordedRequest {
  operationName: string;
  variables: Record<string, unknown>;
  method: string;
  credentials: RequestCredentials | undefined;
}

/** An error answer as the API gives it. */
export const apiError = (code: string, message = code): Answer => ({
  errors: [{ message, extensions: { code } }],
});

/**
 * Stubs `fetch` with an API that answers each operation by name (a function gets the variables
 * and the call count); records every request so tests can check what was sent.
 */
export function mockApi(
  handlers: Record<string, Answer | ((variables: Record<string, unknown>, call: number) => Answer)>,
) {
  const requests: RecordedRequest[] = [];
  const fetchMock = vi.fn(async (_url: RequestInfo | URL, init?: RequestInit) => {
    const body = JSON.parse(String(init?.body)) as { query: string; variables?: Record<string, unknown> };
    const operationName = /(?:query|mutation)\s+(\w+)/.exec(body.query)?.[1] ?? 'anonymous';
    const variables = body.variables ?? {};
    requests.push({
      operationName,
      variables,
      method: init?.method ?? 'GET',
      credentials: init?.credentials,
    });
    const handler = handlers[operationName];
    if (handler === undefined) throw new Error(`no mock for operation ${operationName}`);
    const calls = requests.filter((request) => request.operationName === operationName).length;
    const answer = typeof handler === 'function' ? handler(variables, calls) : handler;
    return new Response(JSON.stringify(answer), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
  });
  vi.stubGlobal('fetch', fetchMock);
  return { requests, fetchMock, callsOf: (name: string) => requests.filter((r) => r.operationName === name) };
}
