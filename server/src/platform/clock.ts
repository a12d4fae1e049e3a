import type { IsoDate } from '@ldn/rules';

/** "Now" and "today" come from here, so tests can fix them and clinical code never reads the clock. */
export interface Clock {
  now(): Date;
  /** Today's calendar date in the clinic's time zone. */
  today(): IsoDate;
}

export function systemClock(timeZone: string): Clock {
  // en-CA formats dates as YYYY-MM-DD.
  const format = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  return {
    now: () => new Date(),
    today: () => format.format(new Date()),
  };
}
