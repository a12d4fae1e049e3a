import { defineConfig } from '@playwright/test';
import e2e from './playwright.config.ts';

// The README's screenshots (docs/*.png), taken from the demo as a person sees it: the e2e run's
// first demo server and browser, one worker, and only the specs in ./screenshots. Run on purpose
// (`pnpm screenshots`), never in the e2e suite: it rewrites files of the repository.
const [launcher] = Array.isArray(e2e.webServer) ? e2e.webServer : [];
const browser = e2e.projects?.find((project) => project.name === 'chromium');

export default defineConfig({
  ...e2e,
  testDir: './screenshots',
  workers: 1,
  projects: browser === undefined ? [] : [{ ...browser, testIgnore: undefined }],
  // The portal and the first demo server; the others are not needed.
  webServer:
    launcher === undefined ? [] : [{ ...launcher, command: `${launcher.command} --first-demo-only` }],
});
