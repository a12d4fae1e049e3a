import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { defineConfig, devices } from '@playwright/test';

// E2E_PORT lets two runs (say, two people's branches on one machine) go side by side.
const PORT = Number(process.env.E2E_PORT ?? 4310);
const webDist = join(tmpdir(), `ldn-e2e-web-${PORT}`);
const repoRoot = resolve(import.meta.dirname, '..');

// The runner evaluates this file first and its workers inherit the variable: only the runner
// clears the previous run's embedded database, so every run starts from fresh demo data.
if (process.env.LDN_E2E_PGLITE_DIR === undefined) {
  const pgliteDir = join(tmpdir(), `ldn-e2e-pglite-${PORT}`);
  rmSync(pgliteDir, { recursive: true, force: true });
  process.env.LDN_E2E_PGLITE_DIR = pgliteDir;
}

// The fresh installation (issue #9's done-when): its own server one port up, on a NEW empty
// database with no demo data, whose first administrator comes from `pnpm admin:create`. The
// command's output goes to a file fresh-install.spec.ts reads the one-time link from.
const FRESH_PORT = PORT + 1;
const freshAdminOutput = join(tmpdir(), `ldn-e2e-fresh-admin-${FRESH_PORT}.txt`);
if (process.env.LDN_E2E_FRESH_PGLITE_DIR === undefined) {
  const emptyDir = join(tmpdir(), `ldn-e2e-fresh-pglite-${FRESH_PORT}`);
  rmSync(emptyDir, { recursive: true, force: true });
  rmSync(freshAdminOutput, { force: true });
  process.env.LDN_E2E_FRESH_PGLITE_DIR = emptyDir;
  process.env.LDN_E2E_FRESH_ADMIN_OUTPUT = freshAdminOutput;
}
const freshPgliteDir = process.env.LDN_E2E_FRESH_PGLITE_DIR;
const TSX = 'node_modules/.bin/tsx --conditions=development';

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
  workers: 1,
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
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: { executablePath: '/usr/bin/chromium', args: CHROMIUM_FLAGS },
  },
  projects: [
    {
      name: 'chromium',
      use: { ...devices['Desktop Chrome'], channel: undefined },
      // The fresh installation's journey runs only against its own server (the project below).
      testIgnore: /fresh-install\.spec\.ts$/,
    },
    {
      name: 'fresh-install',
      testMatch: /fresh-install\.spec\.ts$/,
      use: { ...devices['Desktop Chrome'], channel: undefined, baseURL: `http://127.0.0.1:${FRESH_PORT}` },
    },
  ],
  webServer: [
    {
      // The real server on the embedded database with the demo data, serving the portal just built.
      command: `pnpm --silent --filter @ldn/web build --logLevel error --outDir ${webDist} --emptyOutDir && node_modules/.bin/tsx --conditions=development src/main.ts`,
      cwd: join(repoRoot, 'server'),
      url: `http://127.0.0.1:${PORT}/readyz`,
      timeout: 120_000,
      reuseExistingServer: false,
      stdout: 'ignore',
      stderr: 'pipe',
      gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
      env: {
        PORT: String(PORT),
        HOST: '127.0.0.1',
        PGLITE_DIR: process.env.LDN_E2E_PGLITE_DIR,
        SEED_DEMO: 'true',
        WEB_DIST: webDist,
        LOG_LEVEL: 'warn',
        DATABASE_URL: '',
      },
    },
    freshInstallServer(),
  ],
});

/** The fresh installation's server: the first-admin CLI, then the server on its empty database. */
function freshInstallServer() {
  return {
    // Started after the first (Playwright sets its servers up one by one, each once ready), so
    // the portal the first built is there to serve. First the CLI, as an installer runs it.
    // On the tests' PostgreSQL server (TEST_DATABASE_URL or the local one) it is a new database
    // given as DATABASE_URL, as an installer starts the product; with none, a new PGlite folder.
    command: [
      `DATABASE_URL="$(${TSX} src/test/fresh-database.ts ldn_e2e_fresh_${FRESH_PORT})"`,
      'export DATABASE_URL',
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
