import { type Order, type OrderState, Prisma, preparedMark } from '@ldn/db';
import type { PharmacyRepository } from '../access/pharmacy-repository.ts';
import { type Page, pageOf } from '../platform/cursor.ts';
import {
  columnsOf,
  type Json,
  orderLineOf,
  orderLinesJson,
  orderSignatureOf,
  revive,
} from '../trials/json-rows.ts';
import { linesOf, orderPatientsOf, organisationName } from './order.loaders.ts';
import { signaturesOf, signedPatientsOf } from './order-signature.ts';
import {
  afterQueueCursor,
  QUEUE_SORT,
  queueCursorOf,
  queueOrdering,
  queueSearch,
  queueStatesWhere,
  SENT,
} from './pharmacy-queue.ts';

// The pharmacist's queue in one statement (issue #16): a page of the orders sent to the pharmacy,
// how many orders the search finds in each state, and what the page's fields read (lines,
// signature, patient, clinic), which go into the request's loaders, so the fields read nothing
// more. The page reads only its own orders, by a range of an index (pharmacy-queue.ts); the counts
// read their index alone (an index-only scan, once the table is vacuumed), not the orders.

/** What the pharmacist asked of the queue. */
export interface QueueRequest {
  states: readonly OrderState[] | null | undefined;
  search: string | null | undefined;
  first: number;
  after: string | null | undefined;
}

/** A page of the queue with how many orders the search matches in each state. */
export type QueuePage = Page<Order> & { counts: { state: OrderState; count: number }[] };

// What the page's fields read beside each order, and the counts.
interface Beside {
  lines: Json[] | null;
  signature: Json | null;
  patient: Json | null;
  clinicName: string | null;
  counts: { state: OrderState; count: number }[];
}
// One row per order of the page, in order, each with the counts; or, for an empty page, one row
// of nulls with the counts (the counts are the left side of the join).
type PageRow = Order & Beside;
type Row = PageRow | ({ [Column in keyof Order]: null } & Beside);

/** The patient as the pharmacy's `patient` field reads it (name, birth date, phone, address, allergies). */
type OrderPatient = NonNullable<Awaited<ReturnType<ReturnType<typeof orderPatientsOf>['load']>>>;

/**
 * The orders sent to `scope`'s pharmacy that match the search, of the asked states when given
 * (sorted as `queueOrdering` says), with the counts per state of every order the search matches;
 * the page's lines, signatures, patients and clinics primed in the request's loaders.
 */
export async function readQueuePage(scope: PharmacyRepository, request: QueueRequest): Promise<QueuePage> {
  const { states, first, after } = request;
  const ordering = queueOrdering(states);
  const { named, found } = queueSearch(request.search);
  // The named patients are found once, for the page and the counts.
  const namedPatients = named === null ? Prisma.empty : Prisma.sql`named AS MATERIALIZED (${named}),`;
  const rows = await scope.read(
    (client) => client.$queryRaw<Row[]>`${Prisma.raw(preparedMark('pharmacy-queue'))}
    WITH ${namedPatients}
      page AS MATERIALIZED (
        SELECT o.* FROM "Order" o
        WHERE o."pharmacyId" = ${scope.pharmacyId}::uuid AND ${queueStatesWhere(states)} AND ${found}
          AND ${afterQueueCursor(after, ordering)}
        ORDER BY ${QUEUE_SORT[ordering]}
        LIMIT ${first + 1}
      ),
      counted AS (
        SELECT o.state, count(*)::int AS count FROM "Order" o
        WHERE o."pharmacyId" = ${scope.pharmacyId}::uuid AND ${SENT} AND ${found}
        GROUP BY o.state
      ),
      l AS MATERIALIZED (SELECT * FROM "OrderLine" WHERE "orderId" IN (SELECT id FROM page))
    SELECT ${columnsOf('o', Prisma.OrderScalarFieldEnum)},
      (SELECT ${orderLinesJson('l')}
       FROM l WHERE l."orderId" = o.id) AS lines,
      (SELECT row_to_json(g) FROM "OrderSignature" g WHERE g."orderId" = o.id) AS signature,
      (SELECT json_build_object('id', p.id, 'mrn', p.mrn, 'givenName', p."givenName",
                'familyName', p."familyName", 'dateOfBirth', p."dateOfBirth", 'phone', p.phone,
                'addressLine1', p."addressLine1", 'addressLine2', p."addressLine2", 'city', p.city,
                'region', p.region, 'postalCode', p."postalCode", 'allergies', p.allergies)
       FROM "Patient" p WHERE p.id = o."patientId") AS patient,
      (SELECT c.name FROM "Organisation" c WHERE c.id = o."clinicId") AS "clinicName",
      counts.counts
    FROM (SELECT COALESCE(json_agg(json_build_object('state', state, 'count', count) ORDER BY state), '[]')
            AS counts FROM counted) counts
    LEFT JOIN page o ON true
    ORDER BY ${QUEUE_SORT[ordering]}`,
  );
  const orders = rows.filter((row): row is PageRow => row.id !== null).map((row) => primed(scope, row));
  return {
    ...pageOf(orders, first, (order) => queueCursorOf(ordering, order)),
    counts: rows[0]?.counts ?? [],
  };
}

/** Puts an order's lines, signature, patient and clinic in the loaders its fields read; the order. */
function primed(scope: PharmacyRepository, row: PageRow): Order {
  const { lines, signature, patient, clinicName, counts: _counts, ...order } = row;
  linesOf(scope).prime(order.id, (lines ?? []).map(orderLineOf));
  signaturesOf(scope).prime(order.id, signature === null ? null : orderSignatureOf(signature));
  organisationName(scope).prime(
    order.clinicId,
    clinicName === null ? null : { id: order.clinicId, name: clinicName },
  );
  if (patient === null) {
    orderPatientsOf(scope).prime(order.patientId, null);
    signedPatientsOf(scope).prime(order.patientId, null);
  } else {
    const { mrn, ...shown } = revive<OrderPatient & { mrn: string }>(patient, ['dateOfBirth']);
    const { id, givenName, familyName, dateOfBirth } = shown;
    orderPatientsOf(scope).prime(order.patientId, shown);
    signedPatientsOf(scope).prime(order.patientId, { id, mrn, givenName, familyName, dateOfBirth });
  }
  return order;
}
