#!/usr/bin/env node
// `pnpm test`: lint and types, then every vitest project (the rules package a second time in a
// time zone with daylight saving), then the browser tests when they exist. Ends with the plain
// total "N passed, N failed" summed over every runner.
import { spawn, spawnSync } from 'node:child_process';
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

/**
 * Runs the checks at the same time (tsc is single-threaded: one after another they leave cores
 * idle) and prints each one's output whole, in the order given, once all have ended. True if all
 * passed.
 */
async function runTogether(checks) {
  const finished = checks.map(
    ({ label, command, args }) =>
      new Promise((resolve) => {
        const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
        const output = [];
        child.stdout.on('data', (chunk) => output.push(chunk));
        child.stderr.on('data', (chunk) => output.push(chunk));
        child.on('error', (error) => output.push(Buffer.from(`${error.message}\n`)));
        child.on('close', (code) => resolve({ label, ok: code === 0, output: Buffer.concat(output) }));
      }),
  );
  let ok = true;
  for (const result of await Promise.all(finished)) {
    console.log(`\n▶ ${result.label}`);
    process.stdout.write(result.output);
    ok &&= result.ok;
  }
  return ok;
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

const checks = [
  { label: 'biome check (format and lint)', command: 'biome', args: ['check', '.'] },
  // --no-sort: every package at once; `tsc --noEmit` needs no other package checked first.
  { label: 'typecheck', command: 'pnpm', args: ['-r', '--no-sort', 'typecheck'] },
  { label: 'typecheck: bench', command: 'tsc', args: ['--noEmit', '-p', 'bench/tsconfig.json'] },
];
if (!(await runTogether(checks))) broken = true;
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
