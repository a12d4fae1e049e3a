import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The demo servers' clocks (CLOCK_FILE, playwright.config.ts): a journey that drives dates moves
// its server's "now" here, and puts it back when done. Each demo server runs one journey at a
// time, so no other spec sees the moved date.

/** The file the demo server on `port` reads its clock from. */
export const clockFileOf = (port: number) => join(tmpdir(), `ldn-e2e-clock-${port}`);

const portOf = (baseURL: string | undefined) => {
  if (baseURL === undefined) throw new Error('no baseURL: which server?');
  return Number(new URL(baseURL).port);
};

/**
 * Moves the server's clock to 7 pm (where the tests and the server run) of `date`, or back to the
 * real time (null). The file is written whole, then renamed over, so the server never reads half.
 */
export function setServerDate(baseURL: string | undefined, date: string | null): void {
  const file = clockFileOf(portOf(baseURL));
  if (date === null) {
    rmSync(file, { force: true });
    return;
  }
  writeFileSync(`${file}.next`, new Date(`${date}T19:00:00`).toISOString());
  renameSync(`${file}.next`, file);
}
