import type { IncomingMessage } from 'node:http';

/** Where the WebSocket is served: beside the HTTP API, as graphql-ws clients expect. */
export const LIVE_PATH = '/graphql';

/**
 * A WebSocket handshake from a page of our own origin. Browsers send Origin on every WebSocket
 * handshake and do not apply CORS to it, so without this check any site a signed-in person
 * visits could open a socket with their cookie (cross-site WebSocket hijacking; the session
 * cookie's SameSite=Strict is the first defence, this the second). The host is compared, not the
 * scheme: behind a TLS proxy the page is https and the hop to us plain http.
 */
export function fromOwnOrigin(request: IncomingMessage): boolean {
  const origin = request.headers.origin;
  const host = request.headers.host;
  if (origin === undefined || host === undefined) return false;
  try {
    const url = new URL(origin);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.host === host.toLowerCase();
  } catch {
    return false;
  }
}

/** The handshake's path, without its query. */
export function pathOf(request: IncomingMessage): string {
  return (request.url ?? '').split('?')[0] ?? '';
}

const REFUSALS = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  503: 'Service Unavailable',
} as const;

/** Answers a handshake with a plain HTTP refusal and closes the connection. */
export function refusal(status: keyof typeof REFUSALS): string {
  return `HTTP/1.1 ${status} ${REFUSALS[status]}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`;
}
