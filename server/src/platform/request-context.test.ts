import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import express from 'express';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestContext, requestLog } from './request-context.ts';

describe('request ids', () => {
  const lines: Record<string, unknown>[] = [];
  let url: string;
  let close: () => void;
  beforeAll(async () => {
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(JSON.parse(String(chunk)));
        done();
      },
    });
    const app = express();
    const logger = pino({ level: 'info' }, sink);
    app.use(requestContext(logger));
    app.get('/', (_req, res) => {
      res.json({ ok: true });
    });
    // As Apollo's formatError does: code handed no request, after the body was read.
    app.post('/', express.json(), async (_req, res) => {
      await new Promise((resolve) => setImmediate(resolve));
      requestLog(logger).info('without the request');
      res.json({ ok: true });
    });
    const server = app.listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    close = () => server.close();
  });
  afterAll(() => close?.());

  const logged = async (headers: Record<string, string>) => {
    lines.length = 0;
    const response = await fetch(url, { headers });
    await response.text();
    await new Promise((resolve) => setTimeout(resolve, 20));
    return { id: response.headers.get('x-request-id'), line: lines.find((l) => l.msg === 'request') };
  };

  it("logs a caller's X-Request-Id beside the server's own, never instead of it", async () => {
    const { id, line } = await logged({ 'x-request-id': 'client-trace-42' });
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(line).toMatchObject({ requestId: id, clientRequestId: 'client-trace-42' });
  });

  it("leaves out a caller's id that is not a plain token", async () => {
    const { id, line } = await logged({ 'x-request-id': `bad id ${'x'.repeat(200)}` });
    expect(line).toMatchObject({ requestId: id });
    expect(line).not.toHaveProperty('clientRequestId');
  });

  it("gives code that is not handed the request that request's logger, with its id", async () => {
    lines.length = 0;
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    await response.text();
    expect(lines.find((l) => l.msg === 'without the request')).toMatchObject({
      requestId: response.headers.get('x-request-id'),
    });
  });

  it('gives the fallback logger outside any request', () => {
    const fallback = pino({ level: 'silent' });
    expect(requestLog(fallback)).toBe(fallback);
  });

  it("logs the path without its query string or a patient link's token", async () => {
    lines.length = 0;
    const response = await fetch(`${url}r/secret-patient-link-token?name=jensen`);
    await response.text();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const line = lines.find((l) => l.msg === 'request');
    expect(line).toMatchObject({ path: '/r/[token]' });
    expect(JSON.stringify(lines)).not.toMatch(/secret-patient-link-token|jensen/);
  });

  it('makes a new id for every request', async () => {
    const first = await logged({ 'x-request-id': 'same-id-0001' });
    const second = await logged({ 'x-request-id': 'same-id-0001' });
    expect(first.id).not.toBe(second.id);
  });
});
