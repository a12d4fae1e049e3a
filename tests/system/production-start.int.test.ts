import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProduct, stopProduct } from './product.ts';

// Production refuses what is only meant for trying the product: the embedded database and the demo
// accounts, whose password is published. Nothing the caller's environment says counts here.
const production = {
  NODE_ENV: 'production',
  DATABASE_URL: '',
  ALLOW_EMBEDDED_DATABASE: '',
  SEED_DEMO: '',
  TRUST_PROXY: '',
};

/** Why the started product exited (its exit code and output); null if it started after all. */
const whyItExited = (env: Record<string, string>) =>
  startProduct(env).then(
    async (started) => {
      await stopProduct(started);
      return null;
    },
    (error: Error) => error.message,
  );

describe('pnpm start with NODE_ENV=production', () => {
  let dataDir: string;
  let webDist: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'ldn-pglite-'));
    webDist = await mkdtemp(join(tmpdir(), 'ldn-web-'));
    await writeFile(join(webDist, 'index.html'), '<!doctype html><title>LDN trials</title>');
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
    await rm(webDist, { recursive: true, force: true });
  });

  it('exits 2 before listening when DATABASE_URL is not set, saying which variable and how to allow it', async () => {
    const failure = await whyItExited({ ...production, PGLITE_DIR: dataDir, WEB_DIST: webDist });

    expect(failure).toMatch(/^server exited with 2: /);
    expect(failure).toMatch(/Configuration error: DATABASE_URL is not set: .*ALLOW_EMBEDDED_DATABASE=true/);
    expect(failure).not.toMatch(/running at|Demo sign-ins/);
  });

  it("exits 2 before listening when CLOCK_FILE, the tests' seam that moves the clock, is set", async () => {
    const failure = await whyItExited({
      ...production,
      ALLOW_EMBEDDED_DATABASE: 'true',
      PGLITE_DIR: dataDir,
      WEB_DIST: webDist,
      CLOCK_FILE: join(dataDir, 'clock'),
    });

    expect(failure).toMatch(/^server exited with 2: /);
    expect(failure).toMatch(/Configuration error: CLOCK_FILE is set: with NODE_ENV=production/);
    expect(failure).not.toMatch(/running at/);
  });

  it('runs on the embedded database only when asked, without the demo accounts, and warns that sign-in needs HTTPS', async () => {
    const started = await startProduct({
      ...production,
      ALLOW_EMBEDDED_DATABASE: 'true',
      PGLITE_DIR: dataDir,
      WEB_DIST: webDist,
    });
    try {
      const ready = await fetch(`${started.url}/readyz`);
      expect(await ready.json()).toEqual({ status: 'ready', database: 'pglite' });
      expect(started.output()).not.toMatch(/Demo sign-ins|demo data loaded/);
      expect(started.output()).toMatch(
        /NODE_ENV=production without TRUST_PROXY: the session cookie is Secure/,
      );
    } finally {
      expect(await stopProduct(started)).toBe(0);
    }
  });
});
