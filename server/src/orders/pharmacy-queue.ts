import type { Order, OrderState, Prisma } from '@ldn/db';
import { isRecordId } from '../access/ids.ts';
import { nameOrBirthWhere } from '../patients/patient-search.ts';
import { decodeCursor, encodeCursor } from '../platform/cursor.ts';

/** States an order is finished in: the queue lists these newest first. */
const DONE_STATES: readonly OrderState[] = ['DISPENSED', 'REJECTED', 'CANCELLED'];

/**
 * How the queue is sorted: open work by the date the patient needs it (then Rx number); as soon as
 * finished orders are asked for (or every state), newest first.
 */
export type QueueOrdering = 'NEED_BY' | 'NEWEST';

export const queueOrdering = (states: readonly OrderState[] | null | undefined): QueueOrdering =>
  states != null && states.length > 0 && states.every((state) => !DONE_STATES.includes(state))
    ? 'NEED_BY'
    : 'NEWEST';

export const QUEUE_ORDER: Record<QueueOrdering, Prisma.OrderOrderByWithRelationInput[]> = {
  NEED_BY: [
    { needBy: { sort: 'asc', nulls: 'last' } },
    { rxNumber: { sort: 'asc', nulls: 'last' } },
    { id: 'asc' },
  ],
  NEWEST: [{ updatedAt: 'desc' }, { id: 'desc' }],
};

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

/** Orders after the cursor in the ordering (keyset pagination: stable while orders arrive). */
export function afterQueueCursor(cursor: string, ordering: QueueOrdering): Prisma.OrderWhereInput {
  const [, date, rxNumber, id] = decodeCursor(cursor, isSortKeyOf(ordering), 'this queue');
  if (ordering === 'NEWEST') {
    const updatedAt = new Date(date ?? '');
    return { OR: [{ updatedAt: { lt: updatedAt } }, { updatedAt, id: { lt: id } }] };
  }
  // NULLS LAST on both keys: after a null come only nulls.
  const afterRx: Prisma.OrderWhereInput[] =
    rxNumber === null
      ? [{ rxNumber: null, id: { gt: id } }]
      : [{ rxNumber: { gt: rxNumber } }, { rxNumber: null }, { rxNumber, id: { gt: id } }];
  if (date === null) return { needBy: null, OR: afterRx };
  const needBy = new Date(date);
  return { OR: [{ needBy: { gt: needBy } }, { needBy: null }, { needBy, OR: afterRx }] };
}

// "1042", "Rx 1042", "rx#1042": an Rx number; any other term names the patient or their birth date.
const RX_NUMBER = /^(?:rx\s*#?\s*)?(\d{1,9})$/i;

/**
 * The orders a search term finds: an Rx number, or the patient's name or date of birth (the same
 * matching as the clinic's patient search, without the MRN, which is the clinic's own).
 */
export function queueSearchWhere(search: string | null | undefined): Prisma.OrderWhereInput {
  const term = search?.trim() ?? '';
  if (term === '') return {};
  const rx = RX_NUMBER.exec(term)?.[1];
  if (rx !== undefined) return { rxNumber: Number(rx) };
  return { patient: nameOrBirthWhere(term) };
}
