#!/usr/bin/env node
// `pnpm test`: lint and types, then every vitest project (the rules package a second time in a
// time zone with daylight saving), then the browser tests when they exist. Ends with the plain
// total "N passed, N failed" summed over every runner.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const work = mkdtempSync(join(tmpdir(), 'ldn-test-'));
let passed = 0;
let failed = 0;
let broken = false;

function run(label, command, args, env = {}) {
  console.log(`\n▶ ${label}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

function vitest(label, args, env) {
  const report = join(work, `${label.replace(/\W+/g, '-')}.json`);
  const ok = run(
    label,
    'vitest',
    ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...args],
    env,
  );
  if (!existsSync(report)) {
    broken = true;
    return;
  }
  const summary = JSON.parse(readFileSync(report, 'utf8'));
  passed += summary.numPassedTests;
  failed += summary.numFailedTests;
  // A file that failed to load has no failed test but still fails the run.
  if (!ok && summary.numFailedTests === 0) broken = true;
}

if (!run('biome check (format and lint)', 'biome', ['check', '.'])) broken = true;
if (!run('typecheck', 'pnpm', ['-r', '--silent', 'typecheck'])) broken = true;
if (!run('typecheck: bench', 'tsc', ['--noEmit', '-p', 'bench/tsconfig.json'])) broken = true;
vitest('vitest: all packages (TZ=UTC)', [], { TZ: 'UTC' });
vitest('vitest: rules package (TZ=America/New_York)', ['--project', 'rules'], { TZ: 'America/New_York' });

function playwright() {
  const report = join(work, 'playwright.json');
  const ok = run(
    'playwright: browser journeys in headless Chromium',
    'pnpm',
    ['--dir', 'tests', 'exec', 'playwright', 'test', '--reporter=list,json'],
    {
      PLAYWRIGHT_JSON_OUTPUT_NAME: report,
    },
  );
  if (!existsSync(report)) {
    broken = true;
    return;
  }
  const { stats } = JSON.parse(readFileSync(report, 'utf8'));
  passed += stats.expected + stats.flaky;
  failed += stats.unexpected;
  if (!ok && stats.unexpected === 0) broken = true;
}

if (existsSync('tests/playwright.config.ts')) playwright();

rmSync(work, { recursive: true, force: true });
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 || broken ? 1 : 0);
