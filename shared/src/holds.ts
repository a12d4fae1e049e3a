import { daysBetween, fromEpochDay, type IsoDate, toEpochDay } from './dates.ts';
import { RuleInputError } from './errors.ts';

/** A period the trial was on hold (opioid needed, adverse effect): from `from`, resumed on `to`. */
export interface TrialHold {
  from: IsoDate;
  /** The day treatment resumed; absent while the hold is open. */
  to?: IsoDate;
}

/** Merged hold periods as epoch days, each [start, end) — `end` is the resumption day. */
export interface HoldCalendar {
  periods: { start: number; end: number }[];
}

/**
 * The holds recorded as of `asOf`, merged. A hold still open on `asOf` (no `to`, or a `to` after
 * `asOf`) is taken to end the next day: the clock of treatment days is frozen while on hold, so
 * projected dates assume a resumption tomorrow and move later each day the hold lasts.
 */
export function holdCalendar(holds: readonly TrialHold[], asOf: IsoDate): HoldCalendar {
  const tomorrow = toEpochDay(asOf) + 1;
  const periods = holds
    .map((hold) => {
      if (hold.to !== undefined && daysBetween(hold.from, hold.to) < 0) {
        throw new RuleInputError(
          'INVALID_TRIAL_DATES',
          `A hold cannot end (${hold.to}) before it began (${hold.from}).`,
        );
      }
      const start = toEpochDay(hold.from);
      const end = hold.to === undefined ? tomorrow : Math.min(toEpochDay(hold.to), tomorrow);
      return { start, end };
    })
    .filter((period) => period.start < tomorrow && period.end > period.start)
    .sort((a, b) => a.start - b.start);
  const merged: { start: number; end: number }[] = [];
  for (const period of periods) {
    const last = merged[merged.length - 1];
    if (last !== undefined && period.start <= last.end) last.end = Math.max(last.end, period.end);
    else merged.push({ ...period });
  }
  return { periods: merged };
}

/** The hold open on `asOf`, if any (its start date). */
export function openHoldSince(holds: readonly TrialHold[], asOf: IsoDate): IsoDate | null {
  const open = holds.filter(
    (hold) => daysBetween(hold.from, asOf) >= 0 && (hold.to === undefined || daysBetween(asOf, hold.to) > 0),
  );
  return open.reduce<IsoDate | null>(
    (earliest, hold) => (earliest === null || daysBetween(hold.from, earliest) > 0 ? hold.from : earliest),
    null,
  );
}

/** The date `days` treatment days after `from`: days on hold do not count (§4: holds move steps later). */
export function addTreatmentDays(from: IsoDate, days: number, calendar: HoldCalendar): IsoDate {
  let day = toEpochDay(from);
  let remaining = days;
  for (const period of calendar.periods) {
    if (period.end <= day) continue;
    if (period.start >= day + remaining) break;
    remaining -= Math.max(0, period.start - day);
    day = Math.max(day, period.end);
  }
  return fromEpochDay(day + remaining);
}
