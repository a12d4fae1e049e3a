import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { fromOwnOrigin, pathOf } from './socket-admission.ts';

const handshake = (headers: Record<string, string>, url = '/graphql') =>
  ({ headers, url }) as unknown as IncomingMessage;

describe('a WebSocket handshake from our own origin', () => {
  it.each([
    ['the same host over http', 'http://clinic.example:4000', 'clinic.example:4000'],
    ['the same host over https (a TLS proxy in front)', 'https://clinic.example', 'clinic.example'],
    ['a Host header in capitals', 'https://clinic.example', 'CLINIC.example'],
  ])('is admitted from %s', (_case, origin, host) => {
    expect(fromOwnOrigin(handshake({ origin, host }))).toBe(true);
  });

  it.each([
    ['another site', 'https://evil.example', 'clinic.example'],
    ['a look-alike suffix', 'https://clinic.example.evil.example', 'clinic.example'],
    ['another port', 'http://clinic.example:4001', 'clinic.example:4000'],
    ['an opaque origin', 'null', 'clinic.example'],
    ['a file page', 'file://clinic.example', 'clinic.example'],
    ['no Origin', undefined, 'clinic.example'],
    ['no Host', 'https://clinic.example', undefined],
  ])('is refused from %s', (_case, origin, host) => {
    const headers: Record<string, string> = {
      ...(origin === undefined ? {} : { origin }),
      ...(host === undefined ? {} : { host }),
    };
    expect(fromOwnOrigin(handshake(headers))).toBe(false);
  });

  it('reads the path without its query', () => {
    expect(pathOf(handshake({}, '/graphql?token=x'))).toBe('/graphql');
  });
});
