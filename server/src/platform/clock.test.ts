import { mkdtempSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { configuredClock, fileClock } from './clock.ts';
import { ConfigError } from './config.ts';

describe('the clock file (CLOCK_FILE, tests only)', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ldn-clock-'));
    file = join(dir, 'clock');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** Writes the file as the end-to-end tests do: a new file renamed over the old one. */
  function setClock(content: string, writtenAt?: Date) {
    const next = `${file}.next`;
    writeFileSync(next, content);
    if (writtenAt !== undefined) utimesSync(next, writtenAt, writtenAt);
    renameSync(next, file);
  }

  it('reads the real time while there is no file', () => {
    const before = Date.now();
    const now = fileClock(file, 'UTC').now().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });

  it("is the file's date-time as of when it was written, running on from there", () => {
    const clock = fileClock(file, 'America/New_York');
    setClock('2026-03-10T18:00:00Z\n', new Date(Date.now() - 60_000));
    const now = clock.now().getTime();
    // Written a minute ago: a minute has passed on the file's clock too.
    expect(now - Date.parse('2026-03-10T18:00:00Z')).toBeGreaterThanOrEqual(60_000);
    expect(now - Date.parse('2026-03-10T18:00:00Z')).toBeLessThan(70_000);
    expect(clock.today()).toBe('2026-03-10');
  });

  it('follows the file when it changes, and the real time again once it is gone', () => {
    const clock = fileClock(file, 'UTC');
    setClock('2026-03-10T12:00:00Z');
    expect(clock.today()).toBe('2026-03-10');
    setClock('2026-03-11T12:00:00+01:00');
    expect(clock.today()).toBe('2026-03-11');
    rmSync(file);
    expect(Math.abs(clock.now().getTime() - Date.now())).toBeLessThan(1_000);
  });

  it.each(['tomorrow', '2026-03-10', '2026-03-10T18:00:00', '2026-13-40T18:00:00Z', ''])(
    'refuses "%s", naming the variable, rather than run on a date nobody chose',
    (content) => {
      setClock(content);
      expect(() => fileClock(file, 'UTC').now()).toThrow(/^CLOCK_FILE .* must hold an ISO date-time/);
      expect(() => configuredClock({ clockFile: file, timeZone: 'UTC' })).toThrow(ConfigError);
    },
  );

  it('is the real clock when CLOCK_FILE is not set', () => {
    const clock = configuredClock({ clockFile: undefined, timeZone: 'UTC' });
    expect(Math.abs(clock.now().getTime() - Date.now())).toBeLessThan(1_000);
  });
});
