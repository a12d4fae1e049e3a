import { isIsoDate } from '@ldn/rules';
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { EARLIEST_DATE, LATEST_DATE } from './input-rules.ts';

function parseLocalDate(value: unknown): string {
  if (typeof value !== 'string' || !isIsoDate(value)) {
    throw new GraphQLError('Expected a real calendar date written YYYY-MM-DD.', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return value;
}

// Each field's plausible range (a date of birth, a clinical date) is checked by the input guard;
// an input only keeps out here what no field could mean (year 0000 would fail in PostgreSQL).
function parseInputDate(value: unknown): string {
  const date = parseLocalDate(value);
  if (date < EARLIEST_DATE || date > LATEST_DATE) {
    throw new GraphQLError(`Expected a date from ${EARLIEST_DATE} to ${LATEST_DATE}.`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return date;
}

/** A calendar date (`2026-03-01`): clinical dates are days, never instants, so no time zone. */
export const LocalDate = new GraphQLScalarType<string, string>({
  name: 'LocalDate',
  description: 'A calendar date written YYYY-MM-DD (no time, no time zone).',
  serialize: (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : parseLocalDate(value)),
  parseValue: parseInputDate,
  parseLiteral: (ast) => parseInputDate(ast.kind === Kind.STRING ? ast.value : undefined),
});

// The calendar dates a request formats repeat (a worklist's ~300 trials fall on a few hundred
// days), and `toISOString` was 3 % of its CPU (issue #16): each day's text is kept once made, about
// eleven years of days, then the memo starts again. Keyed by the instant, so any Date is exact.
const DAYS_KEPT = 4_096;
const dayTexts = new Map<number, string>();

/** A Prisma `@db.Date` value as the calendar date it stores. */
export function isoDateOf(date: Date): string {
  const instant = date.getTime();
  let text = dayTexts.get(instant);
  if (text === undefined) {
    text = date.toISOString().slice(0, 10);
    if (dayTexts.size >= DAYS_KEPT) dayTexts.clear();
    dayTexts.set(instant, text);
  }
  return text;
}
/** A calendar date as the value Prisma stores in a `@db.Date` column. */
export const dbDate = (date: string): Date => new Date(`${date}T00:00:00.000Z`);
