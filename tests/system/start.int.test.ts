import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Started, startProduct, stopProduct } from './product.ts';

/** Starts the server as `pnpm start` does, on the embedded database in `dataDir`. */
const start = (dataDir: string, webDist: string): Promise<Started> =>
  startProduct({ DATABASE_URL: '', PGLITE_DIR: dataDir, WEB_DIST: webDist });
const stop = stopProduct;

const typename = async (url: string) => {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ __typename }' }),
  });
  return response.json();
};

describe('pnpm start on a fresh machine (embedded PostgreSQL)', () => {
  let dataDir: string;
  let webDist: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'ldn-pglite-'));
    webDist = await mkdtemp(join(tmpdir(), 'ldn-web-'));
    await writeFile(
      join(webDist, 'index.html'),
      '<!doctype html><title>LDN trials</title><div id="root"></div>',
    );
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
    await rm(webDist, { recursive: true, force: true });
  });

  it('serves the API and the portal, prints the demo sign-ins, and keeps data across a restart', async () => {
    const first = await start(dataDir, webDist);
    try {
      expect(await typename(first.url)).toEqual({ data: { __typename: 'Query' } });
      const page = await fetch(`${first.url}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<title>LDN trials</title>');
      expect(first.output()).toMatch(/Demo sign-ins \(password for all: \S+\)/);
      expect(first.output()).toContain('clinician@riverside.demo');
      expect(first.output()).toMatch(/demo data loaded/);
    } finally {
      // Ctrl-C closes the embedded database cleanly and exits 0.
      expect(await stop(first)).toBe(0);
    }

    const second = await start(dataDir, webDist);
    try {
      const ready = await fetch(`${second.url}/readyz`);
      expect(await ready.json()).toEqual({ status: 'ready', database: 'pglite' });
      // The demo is loaded once: the second start found it and did not load it again.
      expect(second.output()).not.toMatch(/demo data loaded/);
    } finally {
      expect(await stop(second)).toBe(0);
    }
  });
});
