import { readFileSync, statSync } from 'node:fs';
import type { IsoDate } from '@ldn/rules';
import { type Config, ConfigError } from './config.ts';

/** "Now" and "today" come from here, so tests can fix them and clinical code never reads the clock. */
export interface Clock {
  now(): Date;
  /** Today's calendar date in the clinic's time zone. */
  today(): IsoDate;
}

/** A clock reading `now`, with "today" in the clinic's time zone. */
function clockOf(now: () => Date, timeZone: string): Clock {
  // en-CA formats dates as YYYY-MM-DD.
  const format = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  return { now, today: () => format.format(now()) };
}

export function systemClock(timeZone: string): Clock {
  return clockOf(() => new Date(), timeZone);
}

// An explicit offset: a date-time without one would mean another instant in another time zone.
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** The instant a clock file holds; a ConfigError naming CLOCK_FILE for anything else. */
function instantIn(text: string, path: string): number {
  const trimmed = text.trim();
  const instant = ISO_DATE_TIME.test(trimmed) ? Date.parse(trimmed) : Number.NaN;
  if (Number.isNaN(instant)) {
    throw new ConfigError(
      `CLOCK_FILE ${path} must hold an ISO date-time with its offset, such as 2026-03-10T18:00:00Z (got "${trimmed.slice(0, 40)}")`,
    );
  }
  return instant;
}

/**
 * The end-to-end tests' clock (CLOCK_FILE; config.ts refuses it in production): while the file
 * exists, "now" is the date-time it holds as of when it was written, running on from there, so
 * what is recorded one after another still follows in order. It is read again whenever the file
 * changes (write a new file and rename it over, so no half-written one is read); without the file,
 * the real time. A file holding anything else fails every request with a message naming it, rather
 * than letting the server run on a date nobody chose.
 */
export function fileClock(path: string, timeZone: string): Clock {
  let seen: string | undefined;
  let offsetMs = 0;
  const offset = (): number => {
    let stat: ReturnType<typeof statSync>;
    try {
      stat = statSync(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      seen = undefined;
      return 0;
    }
    const version = `${stat.ino}:${stat.mtimeMs}:${stat.size}`;
    if (version !== seen) {
      offsetMs = instantIn(readFileSync(path, 'utf8'), path) - stat.mtimeMs;
      seen = version;
    }
    return offsetMs;
  };
  return clockOf(() => new Date(Date.now() + offset()), timeZone);
}

/**
 * The server's clock: the real one, or CLOCK_FILE's outside production. A file that is there but
 * holds no date-time stops the start (ConfigError: exit 2, naming the variable).
 */
export function configuredClock(config: Pick<Config, 'clockFile' | 'timeZone'>): Clock {
  if (config.clockFile === undefined) return systemClock(config.timeZone);
  const clock = fileClock(config.clockFile, config.timeZone);
  clock.now();
  return clock;
}
