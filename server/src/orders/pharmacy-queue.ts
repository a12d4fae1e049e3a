import { type Order, OrderState, Prisma } from '@ldn/db';
import { isIsoDate } from '@ldn/rules';
import { isRecordId } from '../access/ids.ts';
import { decodeCursor, encodeCursor } from '../platform/cursor.ts';

// How the pharmacist's queue sorts, pages and searches, as conditions on the order `o` (and the
// patient `p`) of its statement (pharmacy-queue-data.ts). One pharmacy may receive the whole
// network's orders, so each page must be one range of an index of migration 20261129110000. Those
// indexes hold one set of states each, in their WHERE, because under row-level security a
// condition on `state` never starts an index scan: the literal conditions on `state` below are
// what lets the planner match them (a parameter it could not).

/** States an order is finished in: the queue lists these newest first. */
const DONE_STATES: readonly OrderState[] = ['DISPENSED', 'REJECTED', 'CANCELLED'];

/** States of work still to do: the queue lists them by need-by date, by an index of these alone (its WHERE lists them). */
const OPEN_STATES = Object.values(OrderState).filter(
  (state) => state !== 'DRAFT' && !DONE_STATES.includes(state),
);

/**
 * How the queue is sorted: open work by the date the patient needs it (then Rx number); as soon as
 * finished orders are asked for (or every state), newest first.
 */
export type QueueOrdering = 'NEED_BY' | 'NEWEST';

export const queueOrdering = (states: readonly OrderState[] | null | undefined): QueueOrdering =>
  states != null && states.length > 0 && states.every((state) => !DONE_STATES.includes(state))
    ? 'NEED_BY'
    : 'NEWEST';

// A cursor is the ordering and the sort key of the last order seen. Keys are ISO strings or null.
type SortKey = [ordering: QueueOrdering, key: string | null, rxNumber: number | null, id: string];

/** An opaque cursor after `order` in `ordering`. */
export function queueCursorOf(ordering: QueueOrdering, order: Order): string {
  const key: SortKey =
    ordering === 'NEED_BY'
      ? [ordering, order.needBy?.toISOString() ?? null, order.rxNumber, order.id]
      : [ordering, order.updatedAt.toISOString(), null, order.id];
  return encodeCursor(key);
}

const isIsoInstant = (value: unknown): value is string =>
  typeof value === 'string' && !Number.isNaN(new Date(value).getTime());

// The id is compared with a uuid column: anything else must not reach SQL.
const isSortKeyOf =
  (ordering: QueueOrdering) =>
  (key: unknown): key is SortKey => {
    if (!Array.isArray(key) || key.length !== 4) return false;
    const [madeFor, date, rxNumber, id] = key as unknown[];
    return (
      madeFor === ordering &&
      (date === null || isIsoInstant(date)) &&
      (rxNumber === null || Number.isSafeInteger(rxNumber)) &&
      typeof id === 'string' &&
      isRecordId(id)
    );
  };

// Need-by date and Rx number as "Order_queue_open_idx" holds them: a missing one after every real
// one (NULLS LAST), so that the sort key compares as one row and the next page starts a range.
const NO_NEED_BY = 'infinity';
const NO_RX_NUMBER = 2_147_483_647;
const NEED_BY_KEY = Prisma.raw(
  `(CASE WHEN o."needBy" IS NULL THEN '${NO_NEED_BY}'::date ELSE o."needBy" END)`,
);
const RX_KEY = Prisma.raw(`(CASE WHEN o."rxNumber" IS NULL THEN ${NO_RX_NUMBER} ELSE o."rxNumber" END)`);

/** The ORDER BY of each ordering, as its index holds it. */
export const QUEUE_SORT: Record<QueueOrdering, Prisma.Sql> = {
  NEED_BY: Prisma.sql`${NEED_BY_KEY}, ${RX_KEY}, o.id`,
  NEWEST: Prisma.sql`o."updatedAt" DESC, o.id DESC`,
};

/** Orders sent to a pharmacy (never a draft), as "Order_queue_newest_idx" and the counts' index hold them. */
export const SENT = Prisma.raw(`o.state <> 'DRAFT'`);
const OPEN = Prisma.raw(`o.state IN (${OPEN_STATES.map((state) => `'${state}'`).join(', ')})`);

/** The orders of `states` (every state sent when none are given), as the ordering's index holds them. */
export function queueStatesWhere(states: readonly OrderState[] | null | undefined): Prisma.Sql {
  if (states == null) return SENT;
  const asked = Prisma.sql`o.state::text = ANY(${states.filter((state) => state !== 'DRAFT')}::text[])`;
  return Prisma.sql`${queueOrdering(states) === 'NEED_BY' ? OPEN : SENT} AND ${asked}`;
}

/** Orders after the cursor in the ordering (keyset pagination: stable while orders arrive). */
export function afterQueueCursor(cursor: string | null | undefined, ordering: QueueOrdering): Prisma.Sql {
  if (cursor == null) return Prisma.sql`true`;
  const [, date, rxNumber, id] = decodeCursor(cursor, isSortKeyOf(ordering), 'this queue');
  const instant = date === null ? null : new Date(date).toISOString();
  if (ordering === 'NEWEST')
    return Prisma.sql`(o."updatedAt", o.id) < (${instant}::timestamptz, ${id}::uuid)`;
  const needBy = instant?.slice(0, 10) ?? NO_NEED_BY;
  return Prisma.sql`(${NEED_BY_KEY}, ${RX_KEY}, o.id) > (${needBy}::date, ${rxNumber ?? NO_RX_NUMBER}::int, ${id}::uuid)`;
}

// "1042", "Rx 1042", "rx#1042": an Rx number; any other term names the patient or their birth date.
const RX_NUMBER = /^(?:rx\s*#?\s*)?(\d{1,9})$/i;

/**
 * The orders a search term finds (`found`), and the statement of the patients it names (`named`)
 * when it names any: an Rx number, or the patient's name or date of birth. The same matching as the
 * clinic's patient search (`nameOrBirthWhere`) without the MRN, which is the clinic's own: every
 * word within the given or family name, in any case (a word's own % or _ is a character to find).
 * Names are matched by `ldn_pharmacy_patients_named` (migration 20261129120000), among the patients
 * the pharmacy reaches, without the "Patient" policy's look-up for every patient of the network.
 * `found` reads the named patients from the CTE `named`.
 */
export function queueSearch(search: string | null | undefined): {
  named: Prisma.Sql | null;
  found: Prisma.Sql;
} {
  const term = search?.trim() ?? '';
  if (term === '') return { named: null, found: Prisma.sql`true` };
  const rx = RX_NUMBER.exec(term)?.[1];
  if (rx !== undefined) return { named: null, found: Prisma.sql`o."rxNumber" = ${Number(rx)}::int` };
  const words = term.split(/\s+/);
  // A date compares before the policy (leakproof) and within an index: no function needed.
  const named = isIsoDate(term)
    ? Prisma.sql`SELECT p.id FROM "Patient" p WHERE p."dateOfBirth" = ${term}::date`
    : Prisma.sql`SELECT n.id FROM "ldn_pharmacy_patients_named"(${words}::text[]) AS n(id)`;
  return { named, found: Prisma.sql`o."patientId" IN (SELECT id FROM named)` };
}
