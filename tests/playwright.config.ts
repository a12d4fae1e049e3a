import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { clockFileOf } from './e2e/server-clock.ts';

// E2E_PORT lets two runs (say, two people's branches on one machine) go side by side. A run uses
// the port and the two above it: the demo servers on PORT and PORT + 2, the fresh install on PORT + 1.
const PORT = Number(process.env.E2E_PORT ?? 4310);
const FRESH_PORT = PORT + 1;
const webDist = join(tmpdir(), `ldn-e2e-web-${PORT}`);
const repoRoot = resolve(import.meta.dirname, '..');

// One demo server per worker, each on a database of its own with fresh demo data: journeys change
// demo records (start, hold and void trials, sign orders) that a journey running beside them on the
// same data would see change mid-way. Workers running at the same time never share a parallel
// index, so each server still sees one journey at a time, as when the run had a single worker.
const DEMO_PORTS = [PORT, PORT + 2];
const slot = Number(process.env.TEST_PARALLEL_INDEX ?? 0);
const demoPort = DEMO_PORTS[slot];
if (demoPort === undefined) throw new Error(`at most ${DEMO_PORTS.length} workers: one per demo server`);
const pgliteDir = (port: number) => join(tmpdir(), `ldn-e2e-pglite-${port}`);

// The fresh installation (issue #9's done-when): its own server on a NEW empty database with no
// demo data, whose first administrator comes from `pnpm admin:create`. The command's output goes
// to a file fresh-install.spec.ts reads the one-time link from.
const freshAdminOutput = join(tmpdir(), `ldn-e2e-fresh-admin-${FRESH_PORT}.txt`);
const freshPgliteDir = join(tmpdir(), `ldn-e2e-fresh-pglite-${FRESH_PORT}`);

// The runner evaluates this file first and its workers inherit the variables: only the runner
// clears the previous run's embedded databases (when there is no PostgreSQL server to use), so
// every run starts from fresh demo data.
if (process.env.LDN_E2E_FRESH_ADMIN_OUTPUT === undefined) {
  for (const dir of [...DEMO_PORTS.map(pgliteDir), freshPgliteDir])
    rmSync(dir, { recursive: true, force: true });
  // A clock a stopped run left moved: every run starts on the real date.
  for (const port of DEMO_PORTS) rmSync(clockFileOf(port), { force: true });
  rmSync(freshAdminOutput, { force: true });
  process.env.LDN_E2E_FRESH_ADMIN_OUTPUT = freshAdminOutput;
}
const TSX = 'node_modules/.bin/tsx --conditions=development';

/**
 * `DATABASE_URL` for a new database of this name on the tests' PostgreSQL server (TEST_DATABASE_URL
 * or the local one), as an installer starts the product; with no server, empty: the PGlite folder.
 */
const newDatabase = (name: string) => [
  `DATABASE_URL="$(${TSX} src/test/fresh-database.ts ${name})"`,
  'export DATABASE_URL',
];

/** Debian's Chromium with the flags that work as root with no network (stack-notes.md). */
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export default defineConfig({
  testDir: './e2e',
  outputDir: process.env.E2E_PORT ? `./test-results-${PORT}` : './test-results',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: DEMO_PORTS.length,
  retries: 0,
  forbidOnly: process.env.CI === 'true',
  reporter: [
    ['list'],
    [
      'html',
      {
        open: 'never',
        outputFolder: process.env.E2E_PORT ? `./playwright-report-${PORT}` : './playwright-report',
      },
    ],
  ],
  use: {
    baseURL: `http://127.0.0.1:${demoPort}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: { executablePath: '/usr/bin/chromium', args: CHROMIUM_FLAGS },
  },
  // Files are handed to the workers in this order: the fresh installation's long journey first, so
  // that it runs beside the demo journeys rather than after them.
  projects: [
    {
      name: 'fresh-install',
      testMatch: /fresh-install\.spec\.ts$/,
      use: { ...devices['Desktop Chrome'], channel: undefined, baseURL: `http://127.0.0.1:${FRESH_PORT}` },
    },
    {
      name: 'chromium',
      use: { ...devices['Desktop Chrome'], channel: undefined },
      // The fresh installation's journey runs only against its own server (the project above).
      testIgnore: /fresh-install\.spec\.ts$/,
    },
  ],
  webServer: [...DEMO_PORTS.map(demoServer), freshInstallServer()],
});

/**
 * A demo server: the real server with the demo data, serving the portal (built by the first), on a
 * new database on the tests' PostgreSQL server, or on the embedded database when there is none.
 */
function demoServer(port: number, index: number) {
  const build = `pnpm --silent --filter @ldn/web build --logLevel error --outDir ${webDist} --emptyOutDir`;
  return {
    command: [
      ...(index === 0 ? [build] : []),
      ...newDatabase(`ldn_e2e_demo_${port}`),
      `${TSX} src/main.ts`,
    ].join(' && '),
    cwd: join(repoRoot, 'server'),
    url: `http://127.0.0.1:${port}/readyz`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      PGLITE_DIR: pgliteDir(port),
      SEED_DEMO: 'true',
      WEB_DIST: webDist,
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
      // The real time until a journey moves it (e2e/server-clock.ts): the patient's evenings.
      CLOCK_FILE: clockFileOf(port),
    },
  } as const;
}

/** The fresh installation's server: the first-admin CLI, then the server on its empty database. */
function freshInstallServer() {
  return {
    // Started after the first (Playwright sets its servers up one by one, each once ready), so
    // the portal the first built is there to serve. First the CLI, as an installer runs it.
    // On the tests' PostgreSQL server (TEST_DATABASE_URL or the local one) it is a new database
    // given as DATABASE_URL, as an installer starts the product; with none, a new PGlite folder.
    command: [
      ...newDatabase(`ldn_e2e_fresh_${FRESH_PORT}`),
      `${TSX} src/cli/admin-create.ts --email first.admin@fresh.test --name "Fran First" > ${freshAdminOutput}`,
      `${TSX} src/main.ts`,
    ].join(' && '),
    cwd: join(repoRoot, 'server'),
    url: `http://127.0.0.1:${FRESH_PORT}/readyz`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
    env: {
      PORT: String(FRESH_PORT),
      HOST: '127.0.0.1',
      PGLITE_DIR: freshPgliteDir,
      SEED_DEMO: 'false',
      WEB_DIST: webDist,
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
    },
  } as const;
}
