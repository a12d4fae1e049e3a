import { defineConfig, devices } from '@playwright/test';
import { DEMO_PORTS, FRESH_PORT, freshAdminOutput, PORT } from './e2e/servers.ts';

// One demo server per worker, each on a database of its own with fresh demo data (e2e/servers.ts,
// e2e/start-servers.ts). Workers running at the same time never share a parallel index, so each
// server still sees one journey at a time, as when the run had a single worker.
const slot = Number(process.env.TEST_PARALLEL_INDEX ?? 0);
const demoPort = DEMO_PORTS[slot];
if (demoPort === undefined) throw new Error(`at most ${DEMO_PORTS.length} workers: one per demo server`);

// The runner evaluates this file first and its workers inherit the variable: fresh-install.spec.ts
// reads the fresh installation's one-time link from the first-admin command's output there.
process.env.LDN_E2E_FRESH_ADMIN_OUTPUT ??= freshAdminOutput;

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
    // A failed test keeps its trace's DOM snapshots and network, without the screencast, whose
    // frames cost the most: journey.spec.ts takes 12.1 s of browser and runner CPU with no trace,
    // 14.7 s with this one, and the full trace added 4.9 s.
    trace: { mode: 'retain-on-failure', screenshots: false, snapshots: true, sources: true },
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
  // All the servers at once (the portal's build, the demo servers, the fresh installation), ready
  // when the script says so; Playwright would start a list of them one after the other.
  webServer: [
    {
      command: 'node e2e/start-servers.ts',
      cwd: import.meta.dirname,
      wait: { stdout: /^e2e servers ready$/m },
      timeout: 180_000,
      stdout: 'ignore',
      stderr: 'pipe',
      gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
    },
  ],
});
