import { addDays, compareDates, type IsoDate } from '@ldn/rules';
import { Extensions } from 'type-graphql';

/**
 * The rules every text and date input is held to, in one place. Input fields declare theirs with
 * `@Text(...)` / `@DateOf(...)`; a resolver's own scalar arguments with `@ArgRules({...})`.
 * `inputGuard` (input-guard.ts) applies them to every argument of every field before the
 * resolver, its argument classes or the database see the value. A text input without a rule is
 * held to DEFAULT_TEXT; a date without one is CLINICAL.
 */

/** How a text input may look. */
export interface TextRule {
  /** Most characters: the column's VarChar size, so nothing too long reaches the database. */
  max: number;
  /** Free text (notes, reasons, allergies): tabs and line breaks allowed. Otherwise one line. */
  multiline?: boolean;
  /**
   * Required text: trimmed before it is checked (and stored trimmed); blank is refused with this
   * message.
   */
  required?: string;
  /** Fewest characters once trimmed (required text only). */
  min?: number;
}

/** A string with no rule of its own (a cursor, a search, a token, an id): one line, bounded. */
export const DEFAULT_TEXT: TextRule = { max: 500 };

/**
 * Plausible calendar dates by kind. BIRTH: a living patient's date of birth. HISTORY: what
 * happened before the clinic's records (prior therapies, medications, the last opioid dose), never
 * in the future. EVENT: something that happened in this system's care (a hold, a resume, a dose
 * change, an adverse effect's onset, an assessment, a discontinuation, a score, a consent, an
 * attestation, a compounding, a dispensing), from 2000-01-01 and never after today — recording
 * it ahead would change the trial's state now for something that has not happened. CLINICAL (any
 * date without a kind): a schedule in this system's own care — a trial's start, a beyond-use
 * date, the first night an order covers, a report's range — from 2000-01-01, and at most five
 * years ahead. NEED_BY: when a patient needs an order's supply, from today to a year ahead (a
 * prescription is not filled for further out). The LocalDate scalar itself refuses anything
 * outside EARLIEST_DATE…LATEST_DATE.
 */
export const DATE_KINDS = {
  BIRTH: { earliest: '1900-01-01', daysAfterToday: 0, what: 'A date of birth' },
  HISTORY: { earliest: '1900-01-01', daysAfterToday: 0, what: 'This date' },
  EVENT: { earliest: '2000-01-01', daysAfterToday: 0, what: 'This date' },
  CLINICAL: { earliest: '2000-01-01', daysAfterToday: 5 * 366, what: 'This date' },
  NEED_BY: { earliest: 'TODAY', daysAfterToday: 366, what: 'The need-by date' },
} as const;
export type DateKind = keyof typeof DATE_KINDS;

/** The widest range a LocalDate may name at all (PostgreSQL and JavaScript both hold these). */
export const EARLIEST_DATE = '1900-01-01';
export const LATEST_DATE = '2199-12-31';

/** Extension keys the guard reads from the schema. */
export const TEXT_RULE = 'ldnText';
export const DATE_RULE = 'ldnDate';
export const ARG_RULES = 'ldnArgRules';

/** A text input field's rule (see TextRule). */
export const Text = (rule: TextRule) => Extensions({ [TEXT_RULE]: rule });

/** A date input field's plausible range (see DATE_KINDS); without it a date is CLINICAL. */
export const DateOf = (kind: DateKind) => Extensions({ [DATE_RULE]: kind });

/** Rules for a resolver's own scalar arguments, by argument name. */
export const ArgRules = (rules: Record<string, TextRule | DateKind>) => Extensions({ [ARG_RULES]: rules });

// C0 controls (NUL included) and DEL; free text keeps tab, line feed and carriage return. C1
// controls (U+0080–U+009F) are never typed by a person either.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL_IN_FREE_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/** The value to use, or the reason `value` is refused. */
export type Checked<T> = { value: T } | { problem: string };

/** Checks a text input against its rule; required text comes back trimmed. */
export function checkText(value: string, rule: TextRule): Checked<string> {
  if ((rule.multiline === true ? CONTROL_IN_FREE_TEXT : CONTROL).test(value)) {
    return {
      problem:
        rule.multiline === true
          ? 'Remove the control characters (only tabs and line breaks are allowed).'
          : 'Remove the control characters (this field is one line of text).',
    };
  }
  const text = rule.required === undefined ? value : value.trim();
  if (rule.required !== undefined && text === '') return { problem: rule.required };
  if (text.length > rule.max) return { problem: `At most ${rule.max} characters.` };
  if (rule.min !== undefined && text.length < rule.min)
    return { problem: `At least ${rule.min} characters.` };
  return { value: text };
}

/** Checks a calendar date against its kind's plausible range, given today. */
export function checkDate(date: IsoDate, kind: DateKind, today: IsoDate): Checked<IsoDate> {
  const { daysAfterToday, what } = DATE_KINDS[kind];
  const earliest = DATE_KINDS[kind].earliest === 'TODAY' ? today : DATE_KINDS[kind].earliest;
  const latest = addDays(today, daysAfterToday);
  if (compareDates(date, earliest) < 0) {
    return { problem: `${what} cannot be before ${earliest === today ? `today (${today})` : earliest}.` };
  }
  if (compareDates(date, latest) > 0) {
    return {
      problem:
        daysAfterToday === 0
          ? `${what} cannot be after today (${today}).`
          : `${what} cannot be after ${latest}.`,
    };
  }
  return { value: date };
}
