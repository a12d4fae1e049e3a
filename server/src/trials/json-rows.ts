import {
  type Assessment,
  type DoseChange,
  type OrderLine,
  type OrderSignature,
  type Patient,
  Prisma,
  type TrialHold,
} from '@ldn/db';

// Rows read as JSON by a hand-written statement (worklist-data.ts, trial-page-data.ts,
// pharmacy-queue-data.ts), turned back into the types the Prisma client reads them in, so the
// loaders they prime answer the same.

export type Json = Record<string, unknown>;

/**
 * A row as JSON gives it back, in the types the Prisma client reads it in (dates, decimals). The
 * row is turned in place: it was just parsed from a statement's answer and nothing else holds it
 * (a worklist revives some 1,500 rows: one copy each was garbage, issue #16).
 */
export function revive<T>(row: Json, dates: readonly string[], decimals: readonly string[] = []): T {
  for (const field of dates) {
    const value = row[field];
    row[field] = value == null ? null : new Date(value as string);
  }
  for (const field of decimals) {
    const value = row[field];
    row[field] = value == null ? null : new Prisma.Decimal(value as string);
  }
  return row as T;
}

/**
 * Every column of `alias` that its Prisma model reads (`columns`: its ScalarFieldEnum), as a
 * statement's result columns: a prepared statement lists them rather than `alias.*`, so a column a
 * later migration adds leaves its result as it was (@ldn/db prepared-statements.ts).
 */
export function columnsOf(alias: string, columns: Readonly<Record<string, string>>) {
  return Prisma.raw(
    Object.values(columns)
      .map((column) => `${alias}."${column}"`)
      .join(', '),
  );
}

/**
 * A row of `alias` as a JSON object of every column its Prisma model reads (`columns`: the model's
 * ScalarFieldEnum, so a column added later comes too), `decimals` as text. json, not jsonb: the
 * row is only sent, and jsonb's binary form costs PostgreSQL a conversion each way.
 */
export function rowJson<Column extends string>(
  alias: string,
  columns: Readonly<Record<string, Column>>,
  decimals: readonly NoInfer<Column>[] = [],
) {
  const pairs = Object.values(columns).map(
    (column) => `'${column}', ${alias}."${column}"${decimals.includes(column) ? '::text' : ''}`,
  );
  return Prisma.raw(`json_build_object(${pairs.join(', ')})`);
}

export const doseChangeOf = (row: Json) =>
  revive<DoseChange>(row, ['changedOn', 'enteredInErrorAt', 'createdAt'], ['doseMg']);
export const holdOf = (row: Json) => revive<TrialHold>(row, ['heldOn', 'resumedOn', 'createdAt']);
export const assessmentOf = (row: Json) =>
  revive<Assessment>(
    row,
    ['assessedOn', 'enteredInErrorAt', 'createdAt'],
    ['meanScore', 'relativeReduction'],
  );
export const patientOf = (row: Json) => revive<Patient>(row, ['dateOfBirth', 'createdAt', 'updatedAt']);

const ORDER_LINE_DECIMALS = ['nightlyDoseMg', 'strength', 'quantity', 'amountPerNight'] as const;

/** The lines of an order from `alias` (its OrderLine rows), in sequence, decimals as text: a JSON array. */
export const orderLinesJson = (alias: string) =>
  Prisma.sql`json_agg(${rowJson(alias, Prisma.OrderLineScalarFieldEnum, ORDER_LINE_DECIMALS)} ORDER BY ${Prisma.raw(alias)}.sequence)`;
export const orderLineOf = (row: Json) =>
  revive<OrderLine>(row, ['startsOn', 'beyondUseDate'], ORDER_LINE_DECIMALS);
export const orderSignatureOf = (row: Json) => revive<OrderSignature>(row, ['signedAt']);
