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

/** A Prisma `@db.Date` value as the calendar date it stores. */
export const isoDateOf = (date: Date): string => date.toISOString().slice(0, 10);
/** A calendar date as the value Prisma stores in a `@db.Date` column. */
export const dbDate = (date: string): Date => new Date(`${date}T00:00:00.000Z`);
